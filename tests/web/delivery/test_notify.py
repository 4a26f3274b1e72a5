"""Staff emails: at once for an urgent alert, and the daily digest for those who chose it."""

import datetime as dt

import pytest
from django.core.management import call_command

from alliance.web.delivery.models import DeliverySettings, DigestChoice
from alliance.web.delivery.notify import send_digests

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def theo_with_email(theo):
    theo.email = "theo@clinic.example.org"
    theo.save(update_fields=["email"])
    return theo


def test_an_urgent_answer_emails_the_therapist_and_the_duty_address(
    theo_with_email, theos_client, checkin_token, client, valid_answers, smtp_server, worker
):
    DeliverySettings.objects.create(clinic=theos_client.clinic, duty_email="duty@clinic.example")
    client.post(f"/c/{checkin_token}/", valid_answers(theos_client, **{"phq-9__9": "2"}))
    worker.run_due()
    for address in ("theo@clinic.example.org", "duty@clinic.example"):
        [message] = smtp_server.to(address)
        text = smtp_server.text(message)
        assert message["Subject"] == "An urgent alert waits in alliance"
        assert f"/clients/{theos_client.code}/" in text and "phq" not in text.lower()


def test_the_urgent_email_goes_once(
    theo_with_email, theos_client, checkin_token, client, valid_answers, smtp_server, worker
):
    from alliance.web.delivery.notify import notice_urgent_alerts

    client.post(f"/c/{checkin_token}/", valid_answers(theos_client, **{"phq-9__9": "1"}))
    worker.run_due()
    notice_urgent_alerts(theos_client)
    worker.run_due()
    assert len(smtp_server.to("theo@clinic.example.org")) == 1


def test_an_alert_taken_on_before_the_queue_reached_it_emails_nobody(
    theo_with_email, login, theos_client, checkin_token, client, valid_answers, smtp_server, worker
):
    from django.urls import reverse

    from alliance.web.clinic.models import Alert
    from alliance.web.delivery.models import UrgentNotice

    client.post(f"/c/{checkin_token}/", valid_answers(theos_client, **{"phq-9__9": "2"}))
    alert = Alert.objects.get(client=theos_client, kind="risk-self-harm")
    login(theo_with_email).post(reverse("acknowledge-alert", args=[alert.pk]))
    worker.run_due()
    assert smtp_server.messages == []
    assert UrgentNotice.objects.get(alert=alert).reason == "taken on before it was sent"


def test_an_ordinary_answer_emails_nobody(
    theo_with_email, theos_client, checkin_token, client, valid_answers, smtp_server, worker
):
    client.post(f"/c/{checkin_token}/", valid_answers(theos_client))
    worker.run_due()
    assert smtp_server.messages == []


def test_the_daily_digest_counts_waiting_alerts_once_a_day(
    theo_with_email, theos_client, checkin_token, client, valid_answers, smtp_server, worker
):
    client.post(f"/c/{checkin_token}/", valid_answers(theos_client, **{"phq-9__9": "1"}))
    DigestChoice.objects.create(user=theo_with_email, daily=True)
    assert send_digests(dt.date(2026, 3, 2)) == 1
    assert send_digests(dt.date(2026, 3, 2)) == 0
    [message] = smtp_server.to("theo@clinic.example.org")
    assert "alert" in smtp_server.text(message) and theos_client.code not in smtp_server.text(
        message
    )


def test_the_digest_command_sends_only_to_who_chose_it(theo_with_email, smtp_server):
    call_command("send_alert_digests")
    assert smtp_server.messages == []


def test_a_staff_member_chooses_the_digest(login, theo):
    page = login(theo)
    page.post("/account/notifications/", {"daily": "on"})
    assert DigestChoice.objects.get(user=theo).daily
