"""Instrument titles and band names follow the staff page's language; English stays as it was."""

from __future__ import annotations

from django.urls import reverse


def test_the_client_pages_outcome_bands_are_in_spanish(page, login, theo, make_client):
    client = make_client(theo, sessions=2)
    html = page(login(theo), reverse("client", args=[client.code]), "es")
    assert "moderadamente grave (15-19)" in html and "mínima 0-4" in html
    assert "moderately severe" not in html and "minimal" not in html


def test_the_client_pages_outcome_bands_stay_english(page, login, theo, make_client):
    client = make_client(theo, sessions=2)
    html = page(login(theo), reverse("client", args=[client.code]), "en")
    assert "moderately severe (15-19)" in html and "minimal 0-4" in html
    assert "moderadamente" not in html


def test_the_clinic_settings_name_the_instruments_in_spanish(page, login, ada):
    html = page(login(ada), reverse("clinic-settings"), "es")
    assert "Cuestionario de salud del paciente, 9 ítems (phq-9)" in html
    assert "Escala de trastorno de ansiedad generalizada, 7 ítems (cliente)" in html
    assert "Cuestionario de alianza (cliente)" in html
    assert "Patient Health Questionnaire" not in html and "(client)" not in html


def test_the_clinic_settings_keep_the_english_titles(page, login, ada):
    html = page(login(ada), reverse("clinic-settings"), "en")
    assert "Patient Health Questionnaire, 9 items (phq-9)" in html
    assert "Generalised Anxiety Disorder scale, 7 items (client)" in html
    assert "Alliance check-in (client)" in html and "Cuestionario" not in html


def test_the_caseload_shows_the_stored_band_in_the_pages_language(page, login, theo, make_client):
    from alliance.web.caseload.models import ClientSummary

    client = make_client(theo, sessions=2)
    stored = {"outcome": 16, "outcome_band": "moderately severe", "outcome_instrument": "phq-9"}
    assert ClientSummary.objects.filter(client=client).update(**stored) == 1
    english = page(login(theo), reverse("caseload"), "en")
    spanish = page(login(theo), reverse("caseload"), "es")
    assert '<span class="band">moderately severe</span>' in english
    assert '<span class="band">moderadamente grave</span>' in spanish
