"""Delivery's follow-up steps: an answered check-in closes its delivery and the missed warning;
an urgent alert tells the staff at once."""

from __future__ import annotations

from django.utils import timezone

from .missed import close_missed
from .models import Delivery, Status
from .models.sends import WAITING
from .notify import notice_urgent_alerts


def answered_step(follow_up) -> None:
    sessions = follow_up.checkin_sessions
    if not sessions:
        return
    Delivery.objects.filter(session__in=sessions, status__in=WAITING).update(
        status=Status.ANSWERED, finished_at=timezone.now(), sending_since=None
    )
    close_missed(follow_up.client, sessions[-1].number)


def urgent_notice_step(follow_up) -> None:
    notice_urgent_alerts(follow_up.client)
