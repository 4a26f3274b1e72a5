"""The audit log as people read it: filtered by client, staff member and date, for the audit page
and `alliance audit`."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from alliance.web.clinic.models import AuditEvent

COLUMNS = ("when", "user", "action", "client", "what", "target", "ip")


def audit_rows(
    *,
    clinic_id: int | None = None,
    client: str = "",
    user: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[AuditEvent]:
    """Audit rows, newest first; clinic_id keeps to one clinic's clients and staff."""
    found = AuditEvent.objects.all()
    if clinic_id is not None:
        found = found.filter(Q(client__clinic_id=clinic_id) | Q(actor__clinic_id=clinic_id))
    if client:
        found = found.filter(client_code__iexact=client)
    if user:
        found = found.filter(actor_name__iexact=user)
    if since:
        found = found.filter(at__date__gte=since)
    if until:
        found = found.filter(at__date__lte=until)
    return found.order_by("-at", "-pk")


def as_dict(event: AuditEvent) -> dict[str, str | None]:
    """One row with the public names: action is the kind (read, change, export, ...)."""
    return {
        "when": event.at.isoformat(),
        "user": event.actor_name or None,
        "action": event.kind,
        "client": event.client_code or None,
        "what": event.action,
        "target": event.target or None,
        "ip": event.ip,
    }
