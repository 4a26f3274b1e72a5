"""Staff pages follow the browser's language where a translation exists, dates included."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse


def _page(client, url: str, language: str) -> str:
    response = client.get(url, headers={"accept-language": language})
    assert response.status_code == 200
    return response.content.decode()


def test_the_caseload_is_in_spanish_for_a_spanish_browser(languages, login, theo, make_client):
    make_client(theo, sessions=1)
    html = _page(login(theo), reverse("caseload"), "es")
    assert '<html lang="es">' in html
    assert "Casos" in html and "Clientes en curso" in html and "Alertas primero" in html
    assert "Saltar al contenido" in html and "Salir" in html
    assert "Active clients" not in html and "Skip to content" not in html


def test_the_caseload_stays_english_for_an_english_browser(languages, login, theo, make_client):
    make_client(theo, sessions=1)
    html = _page(login(theo), reverse("caseload"), "en")
    assert '<html lang="en">' in html
    assert "Active clients" in html and "Alerts first" in html and "Skip to content" in html
    assert "Clientes en curso" not in html


def test_the_client_page_is_in_spanish_with_spanish_dates(languages, login, theo, make_client):
    client = make_client(theo, sessions=1)
    client.sessions.filter(number=1).update(date=dt.date(2026, 3, 4))
    html = _page(login(theo), reverse("client", args=[client.code]), "es")
    assert "La alianza a lo largo de las sesiones" in html and "Sesiones" in html
    assert "Episodio de atención" in html and "Asistió" in html
    assert "4 de marzo de 2026" in html
    assert "Alliance over sessions" not in html and "Attended" not in html


def test_the_client_page_stays_english_for_an_english_browser(languages, login, theo, make_client):
    client = make_client(theo, sessions=1)
    client.sessions.filter(number=1).update(date=dt.date(2026, 3, 4))
    html = _page(login(theo), reverse("client", args=[client.code]), "en")
    assert "Alliance over sessions" in html and "Attended" in html
    assert "La alianza a lo largo de las sesiones" not in html


def test_a_language_without_a_translation_falls_back_to_english(languages, login, theo):
    html = _page(login(theo), reverse("caseload"), "fr")
    assert settings.LANGUAGE_CODE == "en"
    assert "Skip to content" in html
