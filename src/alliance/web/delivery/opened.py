"""A client opening their check-in: one update, and only for a link that was sent."""

from __future__ import annotations

from django.db.models import Case, F, Value, When
from django.utils import timezone

from .models import Delivery, Status


def mark_opened(link) -> None:
    Delivery.objects.filter(link_id=link.pk, opened_at__isnull=True).update(
        opened_at=timezone.now(),
        status=Case(
            When(status__in=[Status.SENT, Status.REMINDED], then=Value(Status.OPENED)),
            default=F("status"),
        ),
    )
