"""Send one delivery, signed; a failure is kept for the admin and retried with backoff."""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request

from django.db import transaction
from django.utils import timezone

from .models import Delivery, Status
from .signing import HEADER, signature

TIMEOUT_SECONDS = 10
# the wait after the 1st, 2nd, ... failed attempt; after the last one the delivery has failed
BACKOFF = [
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=12),
]
MAX_ATTEMPTS = len(BACKOFF) + 1


def post(delivery: Delivery) -> int:
    """POST the body to the endpoint; the HTTP status, or an OSError for no answer."""
    data = delivery.body.encode()
    request = urllib.request.Request(
        delivery.endpoint.url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "alliance-webhooks",
            HEADER: signature(delivery.endpoint.secret, data),
            "X-Alliance-Event": delivery.event_type,
            "X-Alliance-Delivery": str(delivery.event_id),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:  # noqa: S310
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def attempt(delivery_id: int) -> Delivery | None:
    """One attempt at a delivery still due; None when there is nothing to do."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("endpoint")
            .filter(pk=delivery_id, status__in=[Status.PENDING, Status.RETRYING])
            .first()
        )
        if delivery is None or not delivery.endpoint.active:
            return None
        delivery.attempts += 1
        delivery.save(update_fields=["attempts"])  # counted even if the worker dies mid-send
    _send(delivery)
    return delivery


def _send(delivery: Delivery) -> None:
    try:
        status, error = post(delivery), ""
    except (OSError, ValueError) as problem:
        status, error = None, f"no answer: {problem}"[:300]
    delivery.last_status_code = status
    if status is not None and 200 <= status < 300:
        delivery.status, delivery.delivered_at, delivery.last_error = (
            Status.DELIVERED,
            timezone.now(),
            "",
        )
        delivery.next_attempt_at = None
    else:
        delivery.last_error = error or f"answered HTTP {status}"
        _plan_retry(delivery)
    delivery.save(
        update_fields=[
            "status",
            "last_status_code",
            "last_error",
            "delivered_at",
            "next_attempt_at",
        ]
    )


def _plan_retry(delivery: Delivery) -> None:
    if delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = Status.FAILED, None
        return
    delivery.status = Status.RETRYING
    delivery.next_attempt_at = timezone.now() + BACKOFF[delivery.attempts - 1]
