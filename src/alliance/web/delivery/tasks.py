"""Delivery's tasks: each takes an id, and running one twice does no harm. An unexpected error
is retried with backoff by `background_task`; a refused or failed send is recorded on the
delivery for the therapist to see."""

from __future__ import annotations

from alliance.web.clinic.background import background_task

from . import sending


def _delivery_client(delivery_id: int, **kwargs) -> dict[str, int]:
    from .models import Delivery

    client_id = Delivery.objects.filter(pk=delivery_id).values_list("session__client_id").first()
    return {"client_id": client_id[0]} if client_id else {}


def _notice_client(notice_id: int, **kwargs) -> dict[str, int]:
    from .models import UrgentNotice

    client_id = UrgentNotice.objects.filter(pk=notice_id).values_list("alert__client_id").first()
    return {"client_id": client_id[0]} if client_id else {}


@background_task(about=_delivery_client)
def send_checkin_task(delivery_id: int) -> str:
    return sending.deliver(delivery_id)


@background_task(about=_delivery_client)
def remind_task(delivery_id: int) -> str:
    return sending.remind(delivery_id)


@background_task(about=_delivery_client)
def expire_task(delivery_id: int) -> str:
    return sending.expire(delivery_id)


@background_task(about=_notice_client)
def urgent_notice_task(notice_id: int) -> str:
    from .notify import send_urgent_notice

    return send_urgent_notice(notice_id)
