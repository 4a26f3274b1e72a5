"""A staff member who forgot their password gets a one-use link by email."""

import re

from django.core import mail
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent
from tests.web.i18n.languages import speak_the_site_languages

NEW = "a-brand-new-password-42"


def _link(message) -> str:
    return re.search(r"https?://[^/]+(/reset/\S+)", message.body).group(1)


def test_a_known_address_gets_a_link_that_sets_the_password_once(client, theo):
    theo.email = "theo@clinic.example"
    theo.save()
    page = client.post(reverse("password_reset"), {"email": "THEO@clinic.example"})
    assert "Check your email" in page.text
    form = client.get(_link(mail.outbox[0]), follow=True)
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302
    theo.refresh_from_db()
    assert theo.check_password(NEW)
    again = client.get(_link(mail.outbox[0]), follow=True)
    assert "already used or has expired" in again.text
    assert AuditEvent.objects.filter(action="password-set-from-link", actor_name="theo").exists()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    page = client.post(reverse("password_reset"), {"email": "nobody@clinic.example"})
    assert "Check your email" in page.text and not mail.outbox


def test_a_malformed_address_is_named_as_the_problem(client, db):
    page = client.post(reverse("password_reset"), {"email": "not an address"})
    assert "Enter a valid email address" in page.text and not mail.outbox


def test_a_spanish_browser_gets_the_reset_email_in_spanish(settings, client, theo):
    speak_the_site_languages(settings)
    theo.email = "theo@clinic.example"
    theo.save()
    client.post(reverse("password_reset"), {"email": theo.email}, headers={"accept-language": "es"})
    message = mail.outbox[0]
    assert message.subject == "Restablezca su contraseña de alliance"
    assert "Elija una contraseña nueva con este enlace" in message.body and _link(message)
    assert "Su nombre de usuario es theo." in message.body
