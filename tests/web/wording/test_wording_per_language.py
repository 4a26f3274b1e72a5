"""Licensed wording is imported once per language and shown to the clients of that language;
a client whose language has none sees the short labels in their language, with a note."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alliance.web.wording.models import LicensedWording
from tests.web.wording.test_licensed_wording import licensed, upload


@pytest.fixture
def both_languages(login, ada, clinic):
    browser = login(ada)
    upload(browser, clinic, licensed(language="en"))
    spanish = licensed(language="es").replace(b"Made-up licensed question", b"Pregunta inventada")
    upload(browser, clinic, spanish)
    return browser


def _checkin(client, token: str) -> str:
    return client.get(reverse("checkin", args=[token])).content.decode()


def test_each_language_is_its_own_import(both_languages):
    assert sorted(LicensedWording.objects.values_list("language", flat=True)) == ["en", "es"]


def test_importing_one_language_again_replaces_only_that_language(both_languages, clinic):
    again = licensed(language="es").replace(b"Made-up licensed question", b"Otra pregunta")
    upload(both_languages, clinic, again)
    stored = {row.language: row.texts["1"] for row in LicensedWording.objects.all()}
    assert stored == {"en": "Made-up licensed question 1", "es": "Otra pregunta 1"}


def test_each_client_sees_the_wording_of_their_language(
    client, both_languages, theos_client, checkin_token
):
    client.logout()
    english = _checkin(client, checkin_token)
    assert "Made-up licensed question 1" in english and "Pregunta inventada" not in english
    theos_client.language = "es"
    theos_client.save(update_fields=["language"])
    spanish = _checkin(client, checkin_token)
    assert spanish.count("Pregunta inventada") == 9 and "Made-up licensed" not in spanish
    assert "short-labels" not in spanish


def test_without_wording_in_their_language_a_client_sees_translated_labels_and_a_note(
    client, login, ada, clinic, theos_client, checkin_token
):
    upload(login(ada), clinic, licensed(language="en"))
    client.logout()
    theos_client.language = "es"
    theos_client.save(update_fields=["language"])
    html = _checkin(client, checkin_token)
    assert "Made-up licensed question" not in html and "Ánimo bajo" in html
    assert "no ha incorporado el texto oficial de este cuestionario en tu idioma" in html
