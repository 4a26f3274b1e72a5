"""A client's contact details and delivery preference, as the API shows them."""

from __future__ import annotations


def contact(client) -> dict:
    """`email`, `mobile` and `delivery` of the client (none are kept yet)."""
    return {"email": None, "mobile": None, "delivery": None}
