"""Delivery's tasks: each takes a delivery's id, and running one twice does no harm."""

from __future__ import annotations

from django_tasks import task

from . import sending


@task()
def send_checkin_task(delivery_id: int) -> str:
    return sending.deliver(delivery_id)


@task()
def remind_task(delivery_id: int) -> str:
    return sending.remind(delivery_id)


@task()
def expire_task(delivery_id: int) -> str:
    return sending.expire(delivery_id)


@task()
def urgent_notice_task(notice_id: int) -> str:
    from .notify import send_urgent_notice

    return send_urgent_notice(notice_id)
