"""Hand delivery work to the task queue once the transaction that asked for it has committed."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from .models import Delivery


def send(delivery: Delivery, at: dt.datetime | None = None) -> None:
    from .tasks import send_checkin_task

    _later(send_checkin_task, delivery.pk, at or delivery.scheduled_for)


def remind(delivery: Delivery, at: dt.datetime) -> None:
    from .tasks import remind_task

    _later(remind_task, delivery.pk, at)


def expire(delivery: Delivery, at: dt.datetime) -> None:
    from .tasks import expire_task

    _later(expire_task, delivery.pk, at)


def _later(task, delivery_id: int, at: dt.datetime) -> None:
    transaction.on_commit(lambda: _enqueue(task, delivery_id, at))


def _enqueue(task, delivery_id: int, at: dt.datetime) -> None:
    if at > timezone.now():
        task = task.using(run_after=at)
    task.enqueue(delivery_id)
