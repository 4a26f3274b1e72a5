"""A client opening their check-in: one update, the first time the link of a delivery is opened
(the check-in reads whether its delivery is still unopened with the link)."""

from __future__ import annotations

from django.db.models import Case, F, Value, When
from django.utils import timezone

from .models import Delivery, Status


def mark_opened(delivery_id: int) -> None:
    """Mark the delivery opened now; a sent or reminded one also takes the status "opened"."""
    Delivery.objects.filter(pk=delivery_id, opened_at__isnull=True).update(
        opened_at=timezone.now(),
        status=Case(
            When(status__in=[Status.SENT, Status.REMINDED], then=Value(Status.OPENED)),
            default=F("status"),
        ),
    )
