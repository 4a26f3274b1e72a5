"""A Spanish-speaking client's messages and kiosk are in Spanish, with the date as Spanish writes
it; a clinic's own wording is sent as written. Time is moved, never waited."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from alliance.web.clinic.record import add_session
from alliance.web.delivery.kiosk import issue_code
from alliance.web.delivery.models import DeliverySettings, KioskDevice

START = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)
ADDRESS = "cliente@example.org"
MOBILE = "+447400123456"


def _spanish(client):
    client.language = "es"
    client.save(update_fields=["language"])
    return client


def _record(client, theo, worker):
    with time_machine.travel(START, tick=False):
        add_session(client, date=START.date(), by=theo)
        worker.run_due()


@pytest.mark.django_db(transaction=True)
def test_the_email_is_in_spanish_with_a_spanish_date(
    reachable, theo, smtp_server, worker, public_base
):
    _record(_spanish(reachable(email=ADDRESS)), theo, worker)
    [message] = smtp_server.to(ADDRESS)
    text = smtp_server.text(message)
    assert message["Subject"] == "Tu cuestionario de Test clinic"
    assert text.startswith("Hola:") and "Test clinic quiere saber cómo fue tu última sesión" in text
    assert "hasta el 5 de marzo de 2026, 17:00" in text and "https://checkin.example.org/c/" in text


@pytest.mark.django_db(transaction=True)
def test_an_english_client_of_the_same_clinic_still_gets_english(
    reachable, theo, smtp_server, worker, public_base
):
    _record(reachable(email=ADDRESS), theo, worker)
    text = smtp_server.text(smtp_server.to(ADDRESS)[0])
    assert text.startswith("Hello,") and "until 5 March 2026, 17:00" in text


@pytest.mark.django_db(transaction=True)
def test_the_text_message_is_in_spanish(reachable, theo, sms_provider, worker, public_base):
    _record(_spanish(reachable(email="", mobile=MOBILE, delivery="sms")), theo, worker)
    [body] = sms_provider.bodies()
    assert body.startswith("Test clinic: tu cuestionario sobre tu última sesión (3 minutos)")
    assert "abierto hasta el 5 de marzo de 2026, 17:00" in body


@pytest.mark.django_db(transaction=True)
def test_a_clinics_own_wording_is_sent_as_written(
    reachable, theo, clinic, smtp_server, worker, public_base
):
    DeliverySettings.objects.update_or_create(
        clinic=clinic, defaults={"email_subject": "Check-in from $clinic"}
    )
    _record(_spanish(reachable(email=ADDRESS)), theo, worker)
    [message] = smtp_server.to(ADDRESS)
    assert message["Subject"] == "Check-in from Test clinic"
    assert smtp_server.text(message).startswith("Hola:")


@pytest.fixture
def kiosk(client, make_user):
    user = make_user("front-desk")
    KioskDevice.objects.create(user=user, name="Waiting room tablet")
    client.force_login(user)
    return client


def test_the_kiosk_opens_a_spanish_check_in_and_thanks_in_spanish(
    kiosk, theos_client, theo, valid_answers
):
    _spanish(theos_client)
    blank = kiosk.get(reverse("kiosk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Type the code your therapist gave you." in blank
    _, code, _ = issue_code(theos_client.sessions.get(number=1), actor=theo)
    kiosk.post(reverse("kiosk"), {"code": code})
    page = kiosk.get(reverse("kiosk-checkin"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Tu cuestionario</h1>" in page and "Enviar mis respuestas" in page
    done = kiosk.post(reverse("kiosk-checkin"), valid_answers(theos_client))
    thanks = kiosk.get(done.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Gracias: tus respuestas se han enviado a tu terapeuta." in thanks
    again = kiosk.get(reverse("kiosk"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Type the code your therapist gave you." in again


def test_a_wrong_code_is_refused_in_the_devices_language(kiosk, theos_client):
    page = kiosk.post(reverse("kiosk"), {"code": "ZZZZZZ"}, HTTP_ACCEPT_LANGUAGE="es")
    assert "Ese código no es válido. Compruébalo con tu terapeuta." in page.content.decode()
