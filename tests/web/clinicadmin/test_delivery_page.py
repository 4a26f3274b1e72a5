"""The clinic admin says when check-ins go out, the reminder and the wording in a form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.web.clinic.models import AuditEvent
from alliance.web.clinic.record import add_session
from alliance.web.delivery.models import Delivery, DeliverySettings
from alliance.web.delivery.services import set_contact

from .test_clinic_pages import _settings_post

STORED = ["send_when", "send_after_hours", "remind_after_hours", "missed_in_a_row", "sms_body"]


def _delivery_post(**changes) -> dict[str, str]:
    data = {
        "send_when": "session-end",
        "send_after_hours": "",
        "remind_after_hours": "48",
        "missed_in_a_row": "2",
        "duty_email": "",
        "email_subject": "",
        "email_body": "",
        "reminder_body": "",
        "sms_body": "",
    }
    return {name: value for name, value in (data | changes).items() if value is not None}


def _stored(clinic) -> tuple:
    return DeliverySettings.objects.filter(clinic=clinic).values_list(*STORED).first()


def test_the_overview_says_the_delivery_settings_in_words_and_links_the_form(login, ada):
    page = login(ada).get(reverse("clinic-overview")).content.decode()
    assert "Check-ins go out at the end of each attended session" in page
    assert "One reminder follows 48 hours after sending if the check-in is unanswered" in page
    assert "A check-in link expires 72 hours after it is made or sent" in page
    assert "Messages use the shipped wording" in page
    assert f'href="{reverse("clinic-delivery")}"' in page


def test_the_form_shows_every_field_with_its_help_and_the_shipped_wording(login, ada):
    page = login(ada).get(reverse("clinic-delivery")).content.decode()
    for name in ("send_when", "send_after_hours", "remind_after_hours", "duty_email", "sms_body"):
        assert f'name="{name}"' in page
    assert "0 sends none. It must come before the link expires." in page
    assert "Your check-in from $clinic" in page  # the shipped subject, as the box's placeholder
    assert "A check-in link expires 72 hours after it is sent" in page


def test_the_settings_are_saved_audited_and_said_on_the_overview(login, ada, clinic):
    session = login(ada)
    changes = {"send_when": "after", "send_after_hours": "4", "remind_after_hours": "24"}
    changes |= {"missed_in_a_row": "0", "sms_body": "$clinic check-in: $link"}
    changes |= {"duty_email": "duty@clinic.example.org"}
    answer = session.post(reverse("clinic-delivery"), _delivery_post(**changes))
    assert answer.status_code == 302 and answer.url == reverse("clinic-overview")
    assert _stored(clinic) == ("after", 4, 24, 0, "$clinic check-in: $link")
    event = AuditEvent.objects.get(action="delivery-settings-changed")
    assert event.actor_name == "ada" and event.client_id is None
    page = session.get(reverse("clinic-overview")).content.decode()
    assert "Check-ins go out 4 hours after each attended session" in page
    assert "Missed check-ins raise no warning" in page
    assert "therapist and to duty@clinic.example.org" in page
    assert "Messages use the clinic&#x27;s own text message; the rest the shipped wording" in page


def test_a_saved_delay_schedules_the_next_check_in_that_many_hours_later(
    login, ada, theo, make_client
):
    changes = {"send_when": "after", "send_after_hours": "5"}
    assert login(ada).post(reverse("clinic-delivery"), _delivery_post(**changes)).status_code == 302
    client = make_client(theo, sessions=0)
    set_contact(client, email="client@example.org", delivery="email", actor=theo)
    before = timezone.now()
    add_session(client, date=before.date(), by=theo)
    delay = Delivery.objects.get().scheduled_for - before
    assert dt.timedelta(hours=5) <= delay < dt.timedelta(hours=5, minutes=1)


def test_leaving_the_hours_empty_at_the_session_end_keeps_the_stored_hours(login, ada, clinic):
    DeliverySettings.objects.create(clinic=clinic, send_when="after", send_after_hours=6)
    answer = login(ada).post(reverse("clinic-delivery"), _delivery_post(send_after_hours=""))
    assert answer.status_code == 302
    assert _stored(clinic)[:2] == ("session-end", 6)


@pytest.mark.parametrize(
    "changes, label, problem",
    [
        ({"send_when": "after", "send_after_hours": ""}, "Hours after the session", "say how many"),
        ({"send_when": "whenever"}, "When a check-in goes out", "not one of the available"),
        ({"send_when": "after", "send_after_hours": "200"}, "Hours after", "less than or equal"),
        ({"remind_after_hours": "72"}, "Reminder after", "a link expires 72 hours after sending"),
        ({"remind_after_hours": "-1"}, "Reminder after", "greater than or equal to 0"),
        ({"missed_in_a_row": "many"}, "Missed check-ins in a row", "whole number"),
        ({"duty_email": "duty desk"}, "Duty address", "valid email address"),
        ({"email_body": "Hello, see you soon"}, "Check-in email", "must contain $link"),
        ({"sms_body": "$link for $name"}, "Text message", "unknown $name"),
        ({"reminder_body": "Costs 5$ $link"}, "Reminder email", "write $$"),
        ({"email_subject": "Hi\x1b"}, "Email subject", "control character"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(login, ada, clinic, changes, label, problem):
    DeliverySettings.objects.create(clinic=clinic, send_after_hours=3, sms_body="$link")
    before = _stored(clinic)
    answer = login(ada).post(reverse("clinic-delivery"), _delivery_post(**changes))
    page = answer.content.decode()
    assert answer.status_code == 400 and f"{label}" in page and problem in page
    assert _stored(clinic) == before
    assert not AuditEvent.objects.filter(action="delivery-settings-changed").exists()


def test_the_link_lifetime_may_not_end_before_the_reminder(login, ada, clinic):
    session = login(ada)
    answer = session.post(reverse("clinic-settings"), _settings_post(link_lifetime_hours="48"))
    page = answer.content.decode()
    assert (
        answer.status_code == 400 and "Check-in link lifetime (hours): the reminder goes 48" in page
    )
    assert (
        session.post(
            reverse("clinic-delivery"), _delivery_post(remind_after_hours="24")
        ).status_code
        == 302
    )
    answer = session.post(reverse("clinic-settings"), _settings_post(link_lifetime_hours="48"))
    assert answer.status_code == 302


def test_nobody_but_the_clinic_admin_opens_or_posts_the_form(login, theo, sam, pia, clinic):
    for person in (theo, sam, pia):
        session = login(person)
        assert session.get(reverse("clinic-delivery")).status_code == 403
        changes = _delivery_post(remind_after_hours="0")
        assert session.post(reverse("clinic-delivery"), changes).status_code == 403
    assert not DeliverySettings.objects.filter(remind_after_hours=0).exists()
