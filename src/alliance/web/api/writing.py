"""Changes made through the API, each checked before anything is stored."""

from __future__ import annotations

from django.db import transaction

from alliance.web.clinic.models import Client

from .errors import Invalid


@transaction.atomic
def change_client(client: Client, changes: dict, *, by) -> None:
    """Apply a PATCH: the display name here, contact details through the delivery module."""
    contact = {k: changes.pop(k) for k in ("email", "mobile", "delivery") if k in changes}
    if "display_name" in changes:
        if changes["display_name"] is None:
            raise Invalid("display_name", "use a text (empty to clear), not null")
        client.display_name = changes["display_name"]
        client.save(update_fields=["display_name"])
    if contact:
        raise Invalid(next(iter(contact)), "contact details cannot be kept yet")
