"""Every API read is audited like a page view: who read which client's record, and what."""

from __future__ import annotations

from collections.abc import Iterable

from alliance.web.clinic.audit import event
from alliance.web.clinic.models import AuditEvent, Client

READ_ACTION = "api-read"


def audit_read(request, clients: Client | Iterable[Client], what: str) -> None:
    """One audit row per client read through the API; `what` names the resource, never data."""
    if isinstance(clients, Client):
        clients = [clients]
    rows = [event(request.user, client, READ_ACTION, what) for client in clients]
    AuditEvent.objects.bulk_create(rows)
