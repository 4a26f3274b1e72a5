"""Every API read is audited like a page view: who read which client's record, and what."""

from __future__ import annotations

from collections.abc import Iterable

from alliance.web.clinic.audit import record_read
from alliance.web.clinic.models import Client

READ_ACTION = "api-read"


def audit_read(request, clients: Client | Iterable[Client], what: str) -> None:
    """One read row per client read through the API, written before the answer is sent; `what`
    names the resource, never data."""
    for client in [clients] if isinstance(clients, Client) else clients:
        record_read(request, client, READ_ACTION, what)
