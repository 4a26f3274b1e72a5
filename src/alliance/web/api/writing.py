"""Changes made through the API, each checked before anything is stored."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from alliance.web.clinic.audit import record
from alliance.web.clinic.languages import language_choices
from alliance.web.clinic.models import Client
from alliance.web.delivery.services import set_contact

from .errors import Invalid, Invalids

CONTACT = ("email", "mobile", "delivery")


@transaction.atomic
def change_client(client: Client, changes: dict, *, by) -> None:
    """Apply a PATCH: the display name and check-in language here, contact details through the
    delivery module; a bad value stores nothing."""
    if "language" in changes:
        set_language(client, changes["language"], by=by)
    if "display_name" in changes:
        if changes["display_name"] is None:
            raise Invalid("display_name", "use a text (empty to clear), not null")
        client.display_name = changes["display_name"]
        client.save(update_fields=["display_name"])
    contact = {name: changes[name] for name in CONTACT if changes.get(name) is not None}
    if contact:
        with refused_as_422():
            set_contact(client, **contact, actor=by)


def set_language(client: Client, language: str | None, *, by) -> None:
    """The client's check-in language, audited as on the client page."""
    offered = [code for code, _name in language_choices()]
    if language not in offered:
        raise Invalid("language", f"must be one of {', '.join(offered)}")
    if language != client.language:
        client.language = language
        client.save(update_fields=["language"])
        record(by, client, "checkin-language-changed", client)


class refused_as_422:
    """A ValidationError from the record's own rules, as a 422 naming each field (by its name
    in the API: `renamed` maps the record's field names to the API's)."""

    def __init__(self, renamed: dict[str, str] | None = None):
        self.renamed = renamed or {}

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        if isinstance(error, ValidationError):
            found = [
                (self.renamed.get(field, field), " ".join(messages))
                for field, messages in getattr(
                    error, "message_dict", {"body": error.messages}
                ).items()
            ]
            raise Invalids(found) from None
        return False
