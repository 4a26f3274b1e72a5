"""Which audited changes are webhook events, and the API URL of the resource each names.

The audit log is the outbox: every event is an audit row written in the transaction of the
change itself, so an event is sent only for a change that was committed.
"""

from __future__ import annotations

import json
import uuid

from alliance.web.api.links import alert_url, rupture_url, session_url
from alliance.web.clinic.models import AuditEvent, CheckinLink

from .models import Event

AUDIT_ACTIONS = {
    "checkin-submitted": Event.CHECKIN_STORED,
    "alert-raised": Event.ALERT_RAISED,
    "rupture-detected": Event.RUPTURE_FLAGGED,
    "alert-acknowledged": Event.ALERT_ACKNOWLEDGED,
}
NAMESPACE = uuid.UUID("5f0b7c1e-9a43-4f55-8a8e-2f4f3f2d6d11")


def event_id(audit: AuditEvent) -> uuid.UUID:
    """The same id for the same event at every endpoint and on every retry."""
    return uuid.uuid5(NAMESPACE, f"audit:{audit.pk}")


def resource_url(audit: AuditEvent) -> str | None:
    """The API URL of the row the audit event names, or None when it is gone."""
    model, _, pk = audit.target.partition(":")
    if not pk.isdigit():
        return None
    if model == "alert":
        return alert_url(int(pk))
    if model == "rupture":
        return rupture_url(int(pk))
    if model == "checkinlink":
        link = CheckinLink.objects.filter(pk=pk).select_related("session__client").first()
        return session_url(link.session.client.code, link.session.number) if link else None
    return None


def body(audit: AuditEvent, url: str) -> str:
    """The delivery's body: the event's id, type, time and resource URL; never clinical content."""
    payload = {
        "id": str(event_id(audit)),
        "type": AUDIT_ACTIONS[audit.action].value,
        "time": audit.at.isoformat(),
        "resource": url,
    }
    return json.dumps(payload, separators=(",", ":"))
