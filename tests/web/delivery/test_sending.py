"""Sending as it happens: a recorded session schedules the check-in, the worker sends it over
real SMTP, the reminder carries the same link, the link expires; time is moved, never waited."""

import datetime as dt
import socket
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from alliance.web.clinic.models import Attendance, CheckinLink
from alliance.web.clinic.record import add_session
from alliance.web.delivery.models import Delivery, DeliverySettings, Status
from alliance.web.delivery.services import send_checkin

pytestmark = pytest.mark.django_db(transaction=True)
START = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)
ADDRESS = "client@example.org"


@pytest.fixture
def recorded(reachable, theo, smtp_server, worker, public_base):
    """A client who chose email; their session 1 recorded at START and the worker run."""
    with time_machine.travel(START, tick=False):
        client = reachable(email=ADDRESS)
        session = add_session(client, date=START.date(), by=theo)
        worker.run_due()
    return client, session


def test_recording_a_session_sends_its_check_in_by_email(recorded, smtp_server, client):
    _, session = recorded
    [message] = smtp_server.to(ADDRESS)
    [url] = smtp_server.links_to(ADDRESS)
    assert url.startswith("https://checkin.example.org/c/")
    assert (
        "Test clinic" in smtp_server.text(message) and "until 5 March 2026" in message.as_string()
    )
    assert Delivery.objects.get(session=session).status == Status.SENT
    with time_machine.travel(START + dt.timedelta(hours=1), tick=False):
        assert client.get(url.removeprefix("https://checkin.example.org")).status_code == 200
    assert Delivery.objects.get(session=session).status == Status.OPENED


def test_the_message_carries_nothing_clinical(recorded, smtp_server):
    client, _ = recorded
    text = smtp_server.text(smtp_server.to(ADDRESS)[0]).lower()
    assert client.code.lower() not in text
    assert not any(word in text for word in ("phq", "alliance", "score", "theo"))


def test_one_reminder_follows_with_the_same_link(recorded, smtp_server, worker):
    with time_machine.travel(START + dt.timedelta(hours=47), tick=False):
        worker.run_due()
    assert len(smtp_server.to(ADDRESS)) == 1
    with time_machine.travel(START + dt.timedelta(hours=48, minutes=1), tick=False):
        worker.run_due()
    with time_machine.travel(START + dt.timedelta(hours=60), tick=False):
        worker.run_due()
    first, second = smtp_server.links_to(ADDRESS)
    assert first == second and "reminder" in smtp_server.text(smtp_server.to(ADDRESS)[1])
    assert Delivery.objects.get().status == Status.REMINDED


def test_an_unanswered_link_expires_after_72_hours(recorded, worker, client):
    _, session = recorded
    with time_machine.travel(START + dt.timedelta(hours=72, minutes=1), tick=False):
        worker.run_due()
    delivery = Delivery.objects.get(session=session)
    assert delivery.status == Status.EXPIRED and "expired" in delivery.reason


def test_an_answered_check_in_gets_no_reminder(
    recorded, smtp_server, worker, client, valid_answers
):
    patient, _ = recorded
    [url] = smtp_server.links_to(ADDRESS)
    path = url.removeprefix("https://checkin.example.org")
    with time_machine.travel(START + dt.timedelta(hours=2), tick=False):
        assert client.post(path, valid_answers(patient)).status_code == 302
    with time_machine.travel(START + dt.timedelta(hours=80), tick=False):
        worker.run_due()
    assert len(smtp_server.to(ADDRESS)) == 1
    assert Delivery.objects.get().status == Status.ANSWERED


def test_a_resend_invalidates_the_earlier_link(recorded, smtp_server, worker, theo, client):
    _, session = recorded
    with time_machine.travel(START + dt.timedelta(hours=1), tick=False):
        send_checkin(session, channel="email", actor=theo)
        worker.run_due()
        old, new = smtp_server.links_to(ADDRESS)
        assert old != new
        assert client.get(old.removeprefix("https://checkin.example.org")).status_code == 410
        assert client.get(new.removeprefix("https://checkin.example.org")).status_code == 200
    first, second = Delivery.objects.order_by("pk")
    assert (first.status, first.reason) == (Status.EXPIRED, "replaced by a newer link")


def test_a_cancelled_session_sends_nothing(reachable, theo, smtp_server, worker):
    client = reachable()
    add_session(client, date=START.date(), attendance=Attendance.CANCELLED, by=theo)
    worker.run_due()
    assert smtp_server.messages == [] and not Delivery.objects.exists()


def test_marking_the_session_missed_cancels_a_scheduled_send(reachable, theo, worker):
    DeliverySettings.objects.create(clinic=theo.clinic, send_when="after", send_after_hours=3)
    client = reachable()
    session = add_session(client, date=START.date(), by=theo)
    session.attendance = Attendance.NO_SHOW
    session.save()
    worker.run_due()
    assert Delivery.objects.get().status == Status.CANCELLED


def test_marking_the_session_cancelled_after_sending_closes_its_link(recorded, client):
    _, session = recorded
    with time_machine.travel(START + dt.timedelta(hours=1), tick=False):
        session.attendance = Attendance.CANCELLED
        session.save()
        delivery = Delivery.objects.get()
        assert delivery.status == Status.CANCELLED
        assert client.get(urlsplit(delivery.url).path).status_code == 410


def test_a_fixed_delay_sends_that_many_hours_later(reachable, theo, smtp_server, worker):
    DeliverySettings.objects.create(clinic=theo.clinic, send_when="after", send_after_hours=3)
    with time_machine.travel(START, tick=False):
        add_session(reachable(), date=START.date(), by=theo)
        worker.run_due()
    assert smtp_server.messages == []
    with time_machine.travel(START + dt.timedelta(hours=3), tick=False):
        worker.run_due()
    assert len(smtp_server.to(ADDRESS)) == 1


def test_a_refused_address_fails_with_the_reason(reachable, theo, smtp_server, worker):
    smtp_server.refuse.add("gone@example.org")
    add_session(reachable(email="gone@example.org"), date=START.date(), by=theo)
    worker.run_due()
    delivery = Delivery.objects.get()
    assert delivery.status == Status.FAILED
    assert delivery.reason == "the mail server refused the address"
    assert "gone@" not in delivery.reason


def test_an_unreachable_mail_server_is_retried_then_fails(reachable, theo, worker, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    with time_machine.travel(START, tick=False) as traveller:
        add_session(reachable(), date=START.date(), by=theo)
        worker.run_due()
        assert "retrying" in Delivery.objects.get().reason
        for _ in range(4):
            traveller.shift(dt.timedelta(minutes=20))
            worker.run_due()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (Status.FAILED, 4)
    assert "unreachable" in delivery.reason


def test_running_the_send_twice_sends_once(recorded, smtp_server):
    from alliance.web.delivery.sending import deliver

    delivery = Delivery.objects.get()
    assert deliver(delivery.pk) == "nothing to send"
    assert len(smtp_server.to(ADDRESS)) == 1


def test_a_send_interrupted_after_its_claim_is_failed_not_sent_twice(
    reachable, theo, smtp_server, worker
):
    from alliance.web.delivery import sending

    add_session(reachable(), date=START.date(), by=theo)
    delivery = Delivery.objects.get()
    # the worker dies between the claim and the send
    with pytest.raises(KeyboardInterrupt), pytest.MonkeyPatch.context() as patch:
        patch.setattr(sending.transport, "send_checkin", _die)
        sending.deliver(delivery.pk)
    worker.run_due()  # the restarted worker runs the task again
    delivery.refresh_from_db()
    assert delivery.status == Status.FAILED and "interrupted" in delivery.reason
    assert smtp_server.messages == []


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die(*args, **kwargs):
    raise KeyboardInterrupt


def test_sending_needs_an_address_for_the_channel(reachable, theo):
    client = reachable()
    session = add_session(client, date=START.date(), by=theo)
    with pytest.raises(ValidationError) as raised:
        send_checkin(session, channel="sms", actor=theo)
    assert "channel" in raised.value.message_dict


def test_the_api_service_returns_the_new_link(reachable, theo, worker, smtp_server):
    client = reachable()
    session = add_session(client, date=START.date(), by=theo)
    worker.run_due()
    delivery = send_checkin(session, channel="email", actor=theo)
    assert delivery.link == CheckinLink.objects.latest("pk")
    assert delivery.url.startswith("http") and "/c/" in delivery.url
    worker.run_due()
    assert smtp_server.links_to(ADDRESS)[-1] == delivery.url


def test_the_therapist_sends_now_from_the_client_page(reachable, theo, login, worker, smtp_server):
    client = reachable()
    DeliverySettings.objects.create(clinic=theo.clinic, send_when="after", send_after_hours=5)
    add_session(client, date=START.date(), by=theo)
    page = login(theo)
    page.post(reverse("send-checkin", args=[client.code, 1]))
    worker.run_due()
    assert len(smtp_server.to(ADDRESS)) == 1
    html = page.get(reverse("client", args=[client.code])).content.decode()
    assert "status-sent" in html and "Resend" in html
