"""Delivery's tasks: each takes an id, and running one twice does no harm. An unexpected error
is retried with backoff by `background_task`; a refused or failed send is recorded on the
delivery for the therapist to see."""

from __future__ import annotations

from alliance.web.clinic.background import background_task

from . import sending


@background_task()
def send_checkin_task(delivery_id: int) -> str:
    return sending.deliver(delivery_id)


@background_task()
def remind_task(delivery_id: int) -> str:
    return sending.remind(delivery_id)


@background_task()
def expire_task(delivery_id: int) -> str:
    return sending.expire(delivery_id)


@background_task()
def urgent_notice_task(notice_id: int) -> str:
    from .notify import send_urgent_notice

    return send_urgent_notice(notice_id)
