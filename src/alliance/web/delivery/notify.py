"""Staff emails: at once for an urgent alert, and the optional daily digest. They say only that
something waits in alliance, with a link; never who the client is or what they answered."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.models import Alert, Severity

from .models import DeliverySettings, DigestChoice, UrgentNotice
from .tokens import public_url
from .transport import SendError, send_email

log = logging.getLogger(__name__)
URGENT_SUBJECT = "An urgent alert waits in alliance"


def notice_urgent_alerts(client) -> list[UrgentNotice]:
    """One notice per urgent alert of the client not yet noticed, each queued to be sent."""
    fresh = Alert.objects.filter(client=client, severity=Severity.URGENT).exclude(
        pk__in=UrgentNotice.objects.values("alert_id")
    )
    from .tasks import urgent_notice_task

    notices = [UrgentNotice.objects.create(alert=alert) for alert in fresh]
    for notice in notices:
        urgent_notice_task.enqueue(notice.pk)
    return notices


def urgent_recipients(alert: Alert) -> list[str]:
    therapist = alert.client.therapist
    duty = DeliverySettings.for_clinic(alert.client.clinic_id).duty_email
    return [address for address in dict.fromkeys([therapist.email, duty]) if address]


def send_urgent_notice(notice_id: int) -> str:
    with transaction.atomic():
        notice = (
            UrgentNotice.objects.select_for_update()
            .select_related("alert__client__therapist")
            .filter(pk=notice_id, sent_at__isnull=True)
            .first()
        )
        if notice is None:
            return "already sent"
        notice.sent_at = timezone.now()  # claimed: a second run sends nothing
        notice.save(update_fields=["sent_at"])
    alert = notice.alert
    if alert.acknowledged_at is not None or alert.closed_at is not None:
        # someone took it on before the notice went out (the demo's seeded history, or a
        # therapist quicker than the queue): telling them again would only be noise
        UrgentNotice.objects.filter(pk=notice.pk).update(reason="taken on before it was sent")
        return "not needed"
    page = public_url(reverse("client", args=[notice.alert.client.code]))
    body = f"An urgent alert waits for you in alliance. Open the client's page:\n\n{page}\n"
    return _send_each(notice, urgent_recipients(notice.alert), body)


def _send_each(notice: UrgentNotice, recipients: list[str], body: str) -> str:
    problems = []
    for address in recipients:
        try:
            send_email(address, URGENT_SUBJECT, body)
        except SendError as error:
            problems.append(error.reason)
    if problems or not recipients:
        reason = "; ".join(problems) or "no staff address to tell"
        log.warning("urgent alert notice %s: %s", notice.pk, reason)
        UrgentNotice.objects.filter(pk=notice.pk).update(reason=reason[:200])
        return "failed"
    return "sent"


def waiting_alerts(user) -> int:
    return Alert.objects.open().filter(client__in=visible_clients(user)).count()


def send_digests(today: dt.date | None = None) -> int:
    """Email each staff member who chose the daily digest how many alerts wait; once a day."""
    today = today or timezone.localdate()
    sent = 0
    due = DigestChoice.objects.filter(daily=True).exclude(last_sent_on=today)
    for choice in due.select_related("user"):
        sent += _send_digest(choice, today)
    return sent


def _send_digest(choice: DigestChoice, today: dt.date) -> int:
    count = waiting_alerts(choice.user)
    if not count or not choice.user.email:
        return 0
    page = public_url(reverse("caseload"))
    body = f"{count} alert{'s' if count != 1 else ''} wait for you in alliance:\n\n{page}\n"
    try:
        send_email(choice.user.email, "Alerts waiting in alliance", body)
    except SendError as error:
        log.warning("the digest of staff member %s failed: %s", choice.user_id, error.reason)
        return 0
    choice.last_sent_on = today
    choice.save(update_fields=["last_sent_on"])
    return 1
