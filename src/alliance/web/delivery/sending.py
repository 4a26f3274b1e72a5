"""Sending a check-in, reminding, expiring: each runs as a task, and running one twice is harmless.

A send first claims its delivery in a committed transaction (`sending_since`), then hands the
message to the mail server or the SMS provider, then records the outcome. A send found already
claimed was interrupted between the two (a crash): it is marked failed, never sent twice.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alliance.web.checkin.links import create_link
from alliance.web.clinic.audit import record
from alliance.web.clinic.models import Attendance, CheckinLink, Client, Session

from . import queue, transport
from .failures import send_failed
from .models import Channel, Delivery, DeliverySettings, Status
from .models.sends import WAITING
from .tokens import token_for

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 4
BACKOFF = dt.timedelta(minutes=2)  # doubled after every failed attempt: 2, 4, 8 minutes


def answered(session: Session) -> bool:
    return session.submissions.exists() or session.responses.filter(respondent="client").exists()


def check_sendable(session: Session) -> None:
    if session.attendance != Attendance.ATTENDED:
        raise ValidationError({"session": "the session was not attended"})
    if answered(session):
        raise ValidationError({"session": "the client has already answered this check-in"})


def send_now(session: Session, *, channel: str, actor) -> Delivery:
    """A new link for the session, sent at once; earlier links of the session stop working."""
    check_sendable(session)
    with transaction.atomic():
        _lock(session.client_id)
        replace_earlier(session)
        delivery = Delivery.objects.create(session=session, channel=channel, created_by=actor)
        attach_link(delivery, by=actor)
        record(actor, session.client, "checkin-send-requested", delivery)
        if channel != Channel.KIOSK:
            queue.send(delivery)
    return delivery


def schedule(session: Session, channel: str) -> Delivery | None:
    """The session's check-in, to go out as the clinic's schedule says (once per session)."""
    if session.deliveries.exists() or answered(session):
        return None
    settings = DeliverySettings.for_clinic(session.client.clinic_id)
    delivery = Delivery.objects.create(
        session=session, channel=channel, scheduled_for=timezone.now() + send_delay(settings)
    )
    queue.send(delivery)
    return delivery


def send_delay(settings: DeliverySettings) -> dt.timedelta:
    if settings.send_when == "after":
        return dt.timedelta(hours=settings.send_after_hours)
    return dt.timedelta(0)


def cancel(session: Session, reason: str) -> int:
    """Stop the session's waiting check-ins (a cancelled or missed session)."""
    waiting = list(session.deliveries.filter(status__in=WAITING))
    links = [delivery.link_id for delivery in waiting if delivery.link_id]
    CheckinLink.objects.filter(pk__in=links, used_at__isnull=True).update(expires_at=timezone.now())
    for delivery in waiting:
        _finish(delivery, Status.CANCELLED, reason)
    return len(waiting)


def replace_earlier(session: Session) -> None:
    """Earlier links of the session stop working; their deliveries say why."""
    now = timezone.now()
    unused = CheckinLink.objects.filter(session=session, used_at__isnull=True, expires_at__gt=now)
    unused.update(expires_at=now)
    for delivery in session.deliveries.filter(status__in=WAITING):
        _finish(delivery, Status.EXPIRED, "replaced by a newer link")


def attach_link(delivery: Delivery, *, by=None) -> None:
    session = delivery.session
    by = by if by is not None and by.is_authenticated else session.client.therapist
    delivery.link, _ = create_link(session, by=by, token=token_for(delivery.seed))
    delivery.save(update_fields=["link"])


def _finish(delivery: Delivery, status: str, reason: str = "") -> None:
    delivery.status, delivery.reason = status, reason[:200]
    delivery.finished_at, delivery.sending_since = timezone.now(), None
    delivery.save(update_fields=["status", "reason", "finished_at", "sending_since"])
    if status == Status.FAILED:
        send_failed(delivery)


def _lock(client_id: int) -> None:
    Client.objects.select_for_update().filter(pk=client_id).only("pk").first()


def _locked(delivery_id: int) -> Delivery | None:
    found = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
    return (
        Delivery.objects.select_related("session__client", "link").get(pk=found.pk)
        if found
        else None
    )


def deliver(delivery_id: int) -> str:
    """The send task: claim, send, record. Returns what happened, for the task's result."""
    with transaction.atomic():
        delivery = _claim(delivery_id)
        if delivery is None:
            return "nothing to send"
    try:
        transport.send_checkin(delivery, reminder=False)
    except transport.SendError as error:
        return _failed_attempt(delivery_id, error)
    with transaction.atomic():
        return _sent(delivery_id)


def _claim(delivery_id: int) -> Delivery | None:
    delivery = _locked(delivery_id)
    if delivery is None or delivery.status != Status.SCHEDULED:
        return None
    if delivery.sending_since is not None:
        _finish(delivery, Status.FAILED, "interrupted while sending; send it again if needed")
        return None
    if answered(delivery.session):
        _finish(delivery, Status.ANSWERED)
        return None
    if delivery.link is None:
        attach_link(delivery)
    delivery.sending_since, delivery.attempts = timezone.now(), delivery.attempts + 1
    delivery.save(update_fields=["sending_since", "attempts"])
    return delivery


def _sent(delivery_id: int) -> str:
    delivery = _locked(delivery_id)
    delivery.status, delivery.sent_at, delivery.sending_since = Status.SENT, timezone.now(), None
    delivery.reason = ""
    delivery.save(update_fields=["status", "sent_at", "sending_since", "reason"])
    record(None, delivery.session.client, "checkin-sent", delivery)
    remind_at = _remind_at(delivery)
    if remind_at is not None:
        queue.remind(delivery, remind_at)
    queue.expire(delivery, delivery.link.expires_at)
    return "sent"


def _remind_at(delivery: Delivery) -> dt.datetime | None:
    hours = DeliverySettings.for_clinic(delivery.session.client.clinic_id).remind_after_hours
    at = delivery.sent_at + dt.timedelta(hours=hours)
    return at if hours and at < delivery.link.expires_at else None


def _failed_attempt(delivery_id: int, error: transport.SendError) -> str:
    log.warning("sending delivery %s failed: %s", delivery_id, error.reason)
    with transaction.atomic():
        delivery = _locked(delivery_id)
        if error.permanent or delivery.attempts >= MAX_ATTEMPTS:
            _finish(delivery, Status.FAILED, error.reason)
            return "failed"
        delivery.sending_since, delivery.reason = None, f"retrying: {error.reason}"[:200]
        delivery.save(update_fields=["sending_since", "reason"])
        queue.send(delivery, timezone.now() + BACKOFF * 2 ** (delivery.attempts - 1))
    return "retrying"


def remind(delivery_id: int) -> str:
    """The reminder task: the same link again, once, if the check-in is still unanswered."""
    with transaction.atomic():
        delivery = _locked(delivery_id)
        if not _due_a_reminder(delivery):
            return "no reminder needed"
        delivery.reminded_at = timezone.now()  # claimed: a second run sends nothing
        delivery.save(update_fields=["reminded_at"])
    try:
        transport.send_checkin(delivery, reminder=True)
    except transport.SendError as error:
        log.warning("the reminder of delivery %s failed: %s", delivery_id, error.reason)
        Delivery.objects.filter(pk=delivery_id).update(reason=f"reminder failed: {error.reason}")
        return "failed"
    Delivery.objects.filter(pk=delivery_id, status=Status.SENT).update(status=Status.REMINDED)
    return "reminded"


def _due_a_reminder(delivery: Delivery | None) -> bool:
    if delivery is None or delivery.status not in (Status.SENT, Status.OPENED):
        return False
    if delivery.reminded_at is not None or answered(delivery.session):
        return False
    return timezone.now() < delivery.link.expires_at


def expire(delivery_id: int) -> str:
    """The expiry task: an unanswered check-in whose link has run out is marked expired."""
    from .missed import check_missed

    with transaction.atomic():
        delivery = _locked(delivery_id)
        if delivery is None or not delivery.is_waiting:
            return "nothing to expire"
        if answered(delivery.session):
            _finish(delivery, Status.ANSWERED)
            return "answered"
        if delivery.link is not None and timezone.now() < delivery.link.expires_at:
            queue.expire(delivery, delivery.link.expires_at)
            return "not yet"
        _finish(delivery, Status.EXPIRED, "not answered before the link expired")
        check_missed(delivery.session.client)
    return "expired"
