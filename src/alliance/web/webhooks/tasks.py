"""The webhooks' tasks on the task queue: dispatch new events, and send (and retry) deliveries."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from .models import Delivery, Status


@task()
def dispatch_events_task() -> int:
    from .dispatch import dispatch_new_events

    return len(dispatch_new_events())


@task()
def deliver_task(delivery_id: int) -> str:
    from .sending import attempt

    delivery = attempt(delivery_id)
    if delivery is None:
        return "nothing to do"
    if delivery.status == Status.RETRYING:
        transaction.on_commit(lambda: _enqueue_retry(delivery))
    return delivery.status


def queue_delivery(delivery: Delivery) -> None:
    """Send the delivery once the transaction that made it has committed."""
    transaction.on_commit(lambda: deliver_task.enqueue(delivery.pk))


def _enqueue_retry(delivery: Delivery) -> None:
    if not deliver_task.get_backend().supports_defer:
        return  # a backend that runs tasks at once cannot wait; the delivery stays "retrying"
    deliver_task.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
