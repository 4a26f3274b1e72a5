"""A client's contact details and delivery preference, shown only to their own therapist."""

from __future__ import annotations

from alliance.web.delivery.services import contact_of

HIDDEN = {"email": None, "mobile": None, "delivery": None}


def contact(client, viewer) -> dict:
    """`email`, `mobile` and `delivery` for the client's own therapist; None for anyone else."""
    if viewer is None or client.therapist_id != viewer.pk:
        return dict(HIDDEN)
    found = contact_of(client)
    return {"email": found.email, "mobile": found.mobile, "delivery": found.delivery}
