"""Signed webhooks, end to end: an admin registers a loopback receiver, events are delivered
signed through the task queue, failures are retried with backoff and shown to the admin."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from alliance.web.clinic.models import Alert, AuditEvent, Severity
from alliance.web.webhooks.models import Delivery, Endpoint, Status
from alliance.web.webhooks.sending import BACKOFF, MAX_ATTEMPTS

from .receiver import Receiver

ALL_EVENTS = ["checkin.stored", "alert.raised", "rupture.flagged", "alert.acknowledged"]


def _register(login, ada, url: str, events=ALL_EVENTS) -> str:
    page = login(ada).post(reverse("webhooks"), {"url": url, "events": events})
    assert page.status_code == 200, page.content
    return page.content.decode().split('<code class="secret">')[1].split("</code>")[0]


@pytest.fixture
def alert(theos_client):
    return Alert.objects.create(
        client=theos_client, kind="alliance-drop", severity=Severity.WARNING, message="m"
    )


def test_an_acknowledged_alert_is_delivered_signed_with_no_clinical_content(
    login, ada, api, theo, alert, tasks, django_capture_on_commit_callbacks
):
    with Receiver([200]) as receiver:
        receiver.secret = _register(login, ada, receiver.url, ["alert.acknowledged"])
        with django_capture_on_commit_callbacks(execute=True):
            api(theo).post(f"/api/v1/alerts/{alert.pk}/acknowledge")
        tasks.run()
    [sent] = receiver.received
    assert sent["signed"] and sent["event"] == "alert.acknowledged"
    body = json.loads(sent["body"])
    assert set(body) == {"id", "type", "time", "resource"}
    assert body["type"] == "alert.acknowledged" and body["resource"] == f"/api/v1/alerts/{alert.pk}"
    assert Delivery.objects.get().status == Status.DELIVERED


def test_a_failed_delivery_is_retried_after_the_backoff_with_the_same_signed_body(
    login, ada, theos_client, tasks, django_capture_on_commit_callbacks
):
    with Receiver([500, 200]) as receiver:
        receiver.secret = _register(login, ada, receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            Alert.objects.raise_(theos_client, "alliance-drop", "m")
        tasks.run()
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
            Status.RETRYING,
            1,
            500,
        )
        assert tasks.run() == 0  # not due before the first wait is over
        with time_machine.travel(timezone.now() + BACKOFF[0] + dt.timedelta(seconds=1)):
            tasks.run()
    first, second = receiver.received
    assert first["body"] == second["body"] and first["signed"] and second["signed"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.DELIVERED, 2)


def test_a_delivery_that_keeps_failing_is_shown_to_the_admin(
    login, ada, theos_client, tasks, django_capture_on_commit_callbacks
):
    with Receiver([503]) as receiver:
        receiver.secret = _register(login, ada, receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            Alert.objects.raise_(theos_client, "alliance-drop", "m")
        now = timezone.now()
        tasks.run()
        for wait in BACKOFF:
            now += wait + dt.timedelta(seconds=1)
            with time_machine.travel(now):
                tasks.run()
    assert len(receiver.received) == MAX_ATTEMPTS
    delivery = Delivery.objects.get()
    assert delivery.status == Status.FAILED and not tasks.waiting()
    overview = login(ada).get(reverse("webhooks")).content.decode()
    assert "1 delivery failed" in overview
    page = (
        login(ada).get(reverse("webhook-deliveries", args=[delivery.endpoint_id])).content.decode()
    )
    assert "answered HTTP 503" in page and "Send again" in page


def test_an_unreachable_receiver_is_named(
    login, ada, theos_client, tasks, django_capture_on_commit_callbacks
):
    _register(login, ada, "http://127.0.0.1:9/nothing-listens")
    with django_capture_on_commit_callbacks(execute=True):
        Alert.objects.raise_(theos_client, "alliance-drop", "m")
    tasks.run()
    assert Delivery.objects.get().last_error.startswith("no answer:")


def test_each_event_goes_once_to_each_subscribed_endpoint_only(
    login, ada, theos_client, alert, tasks, django_capture_on_commit_callbacks
):
    with Receiver([200]) as raised, Receiver([200]) as acknowledged:
        raised.secret = _register(login, ada, raised.url, ["alert.raised"])
        acknowledged.secret = _register(login, ada, acknowledged.url, ["alert.acknowledged"])
        with django_capture_on_commit_callbacks(execute=True):
            Alert.objects.raise_(theos_client, "alliance-drop", "m")
        tasks.run()
        from alliance.web.webhooks.dispatch import dispatch_new_events

        with django_capture_on_commit_callbacks(execute=True):
            assert dispatch_new_events() == []  # nothing new: no second delivery
        tasks.run()
    assert [r["event"] for r in raised.received] == ["alert.raised"]
    assert acknowledged.received == []


def test_another_clinics_events_are_not_sent(
    login, ada, make_user, tasks, django_capture_on_commit_callbacks
):
    from alliance.web.accounts.models import Clinic
    from alliance.web.clinic.models import Client, Episode

    elsewhere = Clinic.objects.create(name="Elsewhere")
    stranger = make_user("stranger", clinic=elsewhere)
    client = Client.objects.create(clinic=elsewhere, therapist=stranger)
    Episode.objects.create(client=client, started=dt.date(2026, 1, 5))
    with Receiver([200]) as receiver:
        receiver.secret = _register(login, ada, receiver.url)
        with django_capture_on_commit_callbacks(execute=True):
            Alert.objects.raise_(client, "alliance-drop", "m")
        tasks.run()
    assert receiver.received == [] and not Delivery.objects.exists()


@pytest.mark.parametrize("persona", ["theo", "sam", "cora"])
def test_the_webhook_page_is_for_clinic_admins_only(request, login, persona):
    assert login(request.getfixturevalue(persona)).get(reverse("webhooks")).status_code == 404


def test_an_admin_cannot_open_another_clinics_endpoint(login, ada, make_user):
    from alliance.web.accounts.models import Clinic

    other = Endpoint.objects.create(
        clinic=Clinic.objects.create(name="Elsewhere"), url="https://x.example", secret="s"
    )
    assert login(ada).get(reverse("webhook-deliveries", args=[other.pk])).status_code == 404
    assert login(ada).post(reverse("webhook-delete", args=[other.pk])).status_code == 404
    assert Endpoint.objects.filter(pk=other.pk).exists()


def test_plain_http_to_another_machine_is_refused(login, ada):
    page = login(ada).post(
        reverse("webhooks"), {"url": "http://example.org/hook", "events": ALL_EVENTS}
    )
    assert page.status_code == 400 and "use https" in page.content.decode()
    assert not Endpoint.objects.exists()


def test_registering_an_endpoint_is_audited_and_the_secret_is_shown_once(login, ada):
    secret = _register(login, ada, "https://ehr.example.org/hook")
    assert AuditEvent.objects.filter(action="webhook-endpoint-added").exists()
    assert secret not in login(ada).get(reverse("webhooks")).content.decode()


def test_a_stored_check_in_is_announced_with_its_sessions_api_url(
    login, ada, theos_client, tasks, django_capture_on_commit_callbacks
):
    from tests.web.checkin_helpers import submit_checkin

    with Receiver([200]) as receiver:
        receiver.secret = _register(login, ada, receiver.url, ["checkin.stored"])
        with django_capture_on_commit_callbacks(execute=True):
            assert submit_checkin(theos_client, 1).status_code == 200
        tasks.run()  # the follow-up stores the check-in; the webhook then goes out
    [sent] = receiver.received
    body = json.loads(sent["body"])
    assert sent["signed"] and body["type"] == "checkin.stored"
    assert body["resource"] == "/api/v1/clients/C-THEO1/sessions/1"
