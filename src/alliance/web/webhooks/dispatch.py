"""Turn new audited events into deliveries for the endpoints subscribed to them."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from alliance.web.clinic.models import AuditEvent

from .events import AUDIT_ACTIONS, body, event_id, resource_url
from .models import Delivery, Endpoint

# Events are looked for this far back, so that a change committed after a later one (a longer
# transaction) is still found; each event is delivered once per endpoint whatever the overlap.
LOOKBACK = dt.timedelta(days=1)


def dispatch_new_events() -> list[Delivery]:
    """A delivery for every event not yet delivered to each active, subscribed endpoint."""
    made = []
    for endpoint in Endpoint.objects.filter(active=True):
        for audit in _events_for(endpoint):
            delivery = _delivery(endpoint, audit)
            if delivery is not None:
                made.append(delivery)
    return made


def _events_for(endpoint: Endpoint):
    actions = [action for action, kind in AUDIT_ACTIONS.items() if kind in endpoint.events]
    since = max(endpoint.created_at, timezone.now() - LOOKBACK)
    sent = Delivery.objects.filter(endpoint=endpoint, audit_event__isnull=False)
    return (
        AuditEvent.objects.filter(
            action__in=actions, at__gte=since, client__clinic_id=endpoint.clinic_id
        )
        .exclude(pk__in=sent.values("audit_event_id"))
        .order_by("pk")
    )


def _delivery(endpoint: Endpoint, audit: AuditEvent) -> Delivery | None:
    url = resource_url(audit)
    if url is None:
        return None
    try:
        with transaction.atomic():
            delivery = Delivery.objects.create(
                endpoint=endpoint,
                audit_event=audit,
                event_id=event_id(audit),
                event_type=AUDIT_ACTIONS[audit.action],
                body=body(audit, url),
            )
    except IntegrityError:  # another dispatcher made it a moment ago
        return None
    from .tasks import queue_delivery

    queue_delivery(delivery)
    return delivery
