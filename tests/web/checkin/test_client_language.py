"""The client's own therapist chooses the check-in language on the client page; a value not
offered gets an error naming the field and changes nothing; nobody else may choose it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, Client


def _choose(page, client, language: str):
    return page.post(reverse("client-language", args=[client.code]), {"language": language})


def test_the_client_page_offers_each_language_by_its_own_name(login, theo, theos_client):
    html = login(theo).get(reverse("client", args=[theos_client.code])).content.decode()
    assert '<option value="en" lang="en" selected>English</option>' in html
    assert '<option value="es" lang="es">Español</option>' in html


def test_the_therapist_chooses_spanish(login, theo, theos_client):
    page = login(theo)
    answer = _choose(page, theos_client, "es")
    assert answer.status_code == 302 and Client.objects.get(pk=theos_client.pk).language == "es"
    html = page.get(reverse("client", args=[theos_client.code])).content.decode()
    assert '<option value="es" lang="es" selected>' in html
    assert AuditEvent.objects.filter(action="checkin-language-changed").count() == 1


@pytest.mark.parametrize("bad", ["fr", "", "es-ES; DROP", "x" * 300])
def test_a_language_not_offered_names_the_field_and_stores_nothing(login, theo, theos_client, bad):
    page = login(theo)
    answer = page.post(
        reverse("client-language", args=[theos_client.code]), {"language": bad}, follow=True
    )
    html = answer.content.decode()
    assert "Check-in language: " in html
    assert Client.objects.get(pk=theos_client.pk).language == "en"
    assert not AuditEvent.objects.filter(action="checkin-language-changed").exists()


@pytest.mark.parametrize("persona", ["sam", "cora", "ada"])
def test_only_the_own_therapist_may_choose(request, login, theos_client, persona):
    answer = _choose(login(request.getfixturevalue(persona)), theos_client, "es")
    assert answer.status_code == 404 and Client.objects.get(pk=theos_client.pk).language == "en"


def test_a_get_changes_nothing(login, theo, theos_client):
    url = reverse("client-language", args=[theos_client.code])
    assert login(theo).get(url, {"language": "es"}).status_code == 405
    assert Client.objects.get(pk=theos_client.pk).language == "en"
