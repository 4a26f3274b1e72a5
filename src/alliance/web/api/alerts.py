"""Alerts: listed, read, and acknowledged; ruptures by their id."""

from __future__ import annotations

from django.utils import timezone
from ninja import Path, Query, Router

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.audit import record
from alliance.web.clinic.models import Alert

from .access import checked_code, visible_alert, visible_rupture
from .errors import ERRORS, Conflict
from .paging import Paging, changed_since, page
from .reads import audit_read
from .records import alert_record, rupture_record
from .schemas import AlertOut, AlertPage, RuptureOut

router = Router(tags=["alerts"])
ID = Path(..., ge=1, le=2**63 - 1)


@router.get("/alerts", response={200: AlertPage, **ERRORS})
def list_alerts(request, paging: Query[Paging], open: bool = False, client: str | None = None):
    """Alerts of every client the caller may see, newest first; `open=true` for open ones."""
    found = Alert.objects.filter(client__in=visible_clients(request.user))
    if open:
        found = found.open()
    if client is not None:
        found = found.filter(client__code=checked_code("client", client))
    found = found.select_related("client", "acknowledged_by").order_by("-created_at", "-pk")
    found = changed_since(
        found, paging, "created_at", "acknowledged_at", "closed_at", target_model="alert"
    )
    items, count = page(found, paging)
    audit_read(request, {a.client for a in items}, "alerts")
    return {"items": [alert_record(a) for a in items], "count": count}


@router.get("/alerts/{pk}", response={200: AlertOut, **ERRORS})
def get_alert(request, pk: int = ID):
    alert = visible_alert(request, pk)
    audit_read(request, alert.client, "alert")
    return alert_record(alert)


@router.post("/alerts/{pk}/acknowledge", response={200: AlertOut, **ERRORS})
def acknowledge(request, pk: int = ID):
    """Take the alert on: recorded with who and when; acknowledging twice is a conflict."""
    alert = visible_alert(request, pk)
    now = timezone.now()
    taken = Alert.objects.filter(pk=alert.pk).acknowledge(request.user, now)
    if not taken:  # acknowledged before, or by someone else a moment ago
        raise Conflict("alert: already acknowledged")
    alert.acknowledged_by, alert.acknowledged_at = request.user, now
    alert.acknowledged_by_name = request.user.get_username()
    record(request.user, alert.client, "alert-acknowledged", alert)
    return alert_record(alert)


@router.get("/ruptures/{pk}", response={200: RuptureOut, **ERRORS})
def get_rupture(request, pk: int = ID):
    rupture = visible_rupture(request, pk)
    audit_read(request, rupture.client, "rupture")
    return rupture_record(rupture)
