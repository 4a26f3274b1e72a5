"""Open alerts, always looked up through the access helper."""

from __future__ import annotations

from django.db.models import QuerySet

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.models import Alert, Severity


def urgent_alerts(user) -> QuerySet[Alert]:
    """Open urgent alerts of every client this user may see, newest first, in one query."""
    return (
        Alert.objects.open()
        .filter(severity=Severity.URGENT, client__in=visible_clients(user))
        .select_related("client")
    )
