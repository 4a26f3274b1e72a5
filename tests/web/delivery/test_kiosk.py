"""Kiosk mode: a code typed at the clinic's device opens the check-in, once."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from alliance.web.clinic.models import CheckinSubmission
from alliance.web.delivery.kiosk import issue_code
from alliance.web.delivery.models import KioskDevice

START = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)


@pytest.fixture
def kiosk_user(make_user):
    user = make_user("front-desk")
    KioskDevice.objects.create(user=user, name="Waiting room tablet")
    return user


@pytest.fixture
def kiosk(client, kiosk_user):
    client.force_login(kiosk_user)
    return client


def _code(theos_client, theo) -> str:
    _, code, _ = issue_code(theos_client.sessions.get(number=1), actor=theo)
    return code


def test_the_therapist_gets_a_six_character_code(login, theo, theos_client):
    answer = login(theo).post(reverse("kiosk-code", args=[theos_client.code, 1]))
    html = answer.content.decode()
    assert answer.status_code == 200 and "Kiosk code for session 1" in html
    code = html.split("<strong>")[1].split("</strong>")[0]
    assert len(code) == 6 and code.isalnum()


def test_a_code_opens_the_check_in_once(kiosk, theos_client, theo, valid_answers):
    code = _code(theos_client, theo)
    answer = kiosk.post(reverse("kiosk"), {"code": code.lower()})
    assert answer.status_code == 302 and answer.url == reverse("kiosk-checkin")
    page = kiosk.get(reverse("kiosk-checkin"))
    assert "Your check-in" in page.content.decode() and "/c/" not in page.content.decode()
    done = kiosk.post(reverse("kiosk-checkin"), valid_answers(theos_client))
    assert done.url == "/kiosk/?done=1" and CheckinSubmission.objects.count() == 1
    again = kiosk.post(reverse("kiosk"), {"code": code})
    assert "not valid" in again.content.decode()


def test_a_code_expires_after_15_minutes(kiosk, theos_client, theo):
    with time_machine.travel(START, tick=False):
        code = _code(theos_client, theo)
    with time_machine.travel(START + dt.timedelta(minutes=15, seconds=1), tick=False):
        answer = kiosk.post(reverse("kiosk"), {"code": code})
    assert "not valid" in answer.content.decode()


def test_five_wrong_codes_lock_the_device_even_for_a_right_one(kiosk, theos_client, theo):
    code = _code(theos_client, theo)
    for wrong in ("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE"):
        kiosk.post(reverse("kiosk"), {"code": wrong})
    answer = kiosk.post(reverse("kiosk"), {"code": code})
    assert "Too many wrong codes" in answer.content.decode()


def test_a_code_tried_three_times_is_refused_on_every_device(
    kiosk, make_user, client, theos_client, theo
):
    for _ in range(3):
        kiosk.post(reverse("kiosk"), {"code": "ZZZZZZ"})
    answer = kiosk.post(reverse("kiosk"), {"code": "ZZZZZZ"})
    assert "tried too often" in answer.content.decode()


def test_a_kiosk_account_can_do_nothing_else(kiosk, theos_client):
    for path in ("/caseload/", f"/clients/{theos_client.code}/", "/clients/new/", "/team/"):
        answer = kiosk.get(path)
        assert answer.status_code == 302 and answer.url == reverse("kiosk"), path


def test_staff_cannot_open_the_kiosk(login, theo):
    assert login(theo).get(reverse("kiosk")).status_code == 404


def test_a_code_of_another_clinic_opens_nothing(kiosk, make_user, make_client, theo):
    from alliance.web.accounts.models import Clinic

    elsewhere = make_user("ella", clinic=Clinic.objects.create(name="Other clinic"))
    other = make_client(elsewhere, code="C-ELSE1")
    other.clinic = elsewhere.clinic
    other.save()
    code = _code(other, elsewhere)
    assert "not valid" in kiosk.post(reverse("kiosk"), {"code": code}).content.decode()


def test_kiosk_pages_load_the_idle_timer_from_a_static_file(kiosk):
    html = kiosk.get(reverse("kiosk")).content.decode()
    assert 'src="/static/alliance/kiosk.js"' in html and 'data-idle-seconds="120"' in html
    assert "<script>" not in html


def test_after_a_risk_answer_the_kiosk_shows_the_clinics_crisis_words_once(
    kiosk, clinic, theos_client, theo, valid_answers
):
    from alliance.web.clinic.models import ClinicSettings

    settings = ClinicSettings.for_clinic(clinic.pk)
    settings.crisis_message = "We will call you today."
    settings.crisis_contact_number = "+44 20 7946 0000"
    settings.save()
    kiosk.post(reverse("kiosk"), {"code": _code(theos_client, theo)})
    done = kiosk.post(reverse("kiosk-checkin"), valid_answers(theos_client, **{"phq-9__9": "2"}))
    page = kiosk.get(done.url).content.decode()
    assert "We will call you today." in page and 'href="tel:+442079460000"' in page
    assert "We will call you today." not in kiosk.get(done.url).content.decode()


def test_without_a_risk_answer_the_kiosk_shows_only_the_thanks(
    kiosk, theos_client, theo, valid_answers
):
    kiosk.post(reverse("kiosk"), {"code": _code(theos_client, theo)})
    done = kiosk.post(reverse("kiosk-checkin"), valid_answers(theos_client, **{"phq-9__9": "0"}))
    page = kiosk.get(done.url).content.decode()
    assert "Thank you" in page and "Your therapist will be in touch" not in page


def test_a_wrong_code_typed_on_the_thank_you_screen_thanks_no_one(kiosk):
    thanks = kiosk.get(reverse("kiosk") + "?done=1").content.decode()
    assert "Thank you: your answers have been sent" in thanks
    assert f'action="{reverse("kiosk")}"' in thanks  # the next client's code is sent to the blank
    answer = kiosk.post(reverse("kiosk"), {"code": "ZZZZZZ"}).content.decode()
    assert "That code is not valid" in answer and "Thank you" not in answer
