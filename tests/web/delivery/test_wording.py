"""The clinic's own wording of the messages, checked when saved."""

import datetime as dt

import pytest

from alliance.web.clinic.record import add_session
from alliance.web.delivery.models import DeliverySettings
from alliance.web.delivery.settings_form import DeliverySettingsForm

pytestmark = pytest.mark.django_db(transaction=True)


def _form(clinic, **changes):
    data = {"clinic": clinic.pk, "send_when": "session-end", "send_after_hours": 2}
    data |= {"remind_after_hours": 48, "missed_in_a_row": 2, **changes}
    return DeliverySettingsForm(data)


def test_a_clinics_wording_is_sent(reachable, theo, smtp_server, worker, clinic):
    form = _form(clinic, email_subject="Checking in - $clinic", email_body="Hi! $link by $expires")
    assert form.is_valid(), form.errors
    form.save()
    add_session(reachable(), date=dt.date(2026, 3, 2), by=theo)
    worker.run_due()
    [message] = smtp_server.messages
    assert message["Subject"] == "Checking in - Test clinic"
    assert smtp_server.text(message).startswith("Hi! http")


@pytest.mark.parametrize(
    ("field", "text", "problem"),
    [
        ("email_body", "Hello, no link here", "must contain $link"),
        ("sms_body", "$link for $name", "unknown $name"),
        ("email_body", "Costs 5$ $link", "write $$"),
    ],
)
def test_bad_wording_is_refused_with_the_field(clinic, field, text, problem):
    form = _form(clinic, **{field: text})
    assert not form.is_valid()
    assert problem in " ".join(form.errors[field])
    assert not DeliverySettings.objects.exists()


def test_the_settings_are_edited_in_the_admin_form(login, ada, clinic):
    page = login(ada)
    answer = page.get("/admin/delivery/deliverysettings/add/")
    html = answer.content.decode()
    assert answer.status_code == 200 and 'name="remind_after_hours"' in html
    data = {"clinic": clinic.pk, "send_when": "after", "send_after_hours": "4"}
    data |= {"remind_after_hours": "24", "missed_in_a_row": "3", "duty_email": ""}
    data |= {"email_subject": "", "email_body": "", "reminder_body": "", "sms_body": ""}
    assert page.post("/admin/delivery/deliverysettings/add/", data).status_code == 302
    saved = DeliverySettings.objects.get(clinic=clinic)
    assert (saved.send_when, saved.remind_after_hours, saved.missed_in_a_row) == ("after", 24, 3)
