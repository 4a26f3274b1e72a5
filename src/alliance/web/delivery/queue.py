"""Queue delivery's tasks in the transaction that asks for them, so the task and its delivery
commit together (with the database backend a crash loses neither), to run at a given time."""

from __future__ import annotations

import datetime as dt
import logging

from django.utils import timezone

from .models import Delivery

log = logging.getLogger(__name__)


def send(delivery: Delivery, at: dt.datetime | None = None) -> None:
    from .tasks import send_checkin_task

    run_at(send_checkin_task, at or delivery.scheduled_for, delivery.pk)


def remind(delivery: Delivery, at: dt.datetime) -> None:
    from .tasks import remind_task

    run_at(remind_task, at, delivery.pk)


def expire(delivery: Delivery, at: dt.datetime) -> None:
    from .tasks import expire_task

    run_at(expire_task, at, delivery.pk)


def run_at(task, at: dt.datetime, *args) -> None:
    """Queue the task to run at `at`; a backend that cannot wait (the immediate backend of the
    tests) runs what is due now and leaves later work undone, saying so in the log."""
    if at <= timezone.now():
        task.enqueue(*args)
    elif task.get_backend().supports_defer:
        task.using(run_after=at).enqueue(*args)
    else:
        log.warning("the task backend cannot run %s later; it is not queued", task.name)
