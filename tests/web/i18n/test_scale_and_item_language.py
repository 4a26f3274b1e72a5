"""The scales and the therapist's own questions follow the staff page's language: the client page
names the alliance's parts by the check-in's scales, the therapist's form asks in Spanish."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from django.urls import reverse

from alliance.measures import get_instrument
from alliance.measures.registry import _all
from alliance.web.clinic.instruments import ALLIANCE, MIRROR
from alliance.web.clinic.models import ClinicSettings

PANEL = re.compile(r"<figure><figcaption>(.*?): ")


def _headings(html: str) -> list[str]:
    return PANEL.findall(html)


def test_the_client_page_names_the_alliances_parts_by_the_spanish_scales(
    page, login, theo, make_client
):
    client = make_client(theo, sessions=2)
    html = page(login(theo), reverse("client", args=[client.code]), "es")
    assert _headings(html) == ["Objetivos", "Tareas", "Vínculo"]
    assert "Objetivos: las valoraciones del cliente y del terapeuta" in html


def test_the_client_page_keeps_the_english_scale_names(page, login, theo, make_client):
    client = make_client(theo, sessions=2)
    html = page(login(theo), reverse("client", args=[client.code]), "en")
    assert _headings(html) == ["Goals", "Tasks", "Bond"]


def test_the_headings_are_the_instrument_files_scale_names(
    page, login, theo, make_client, monkeypatch
):
    shipped = get_instrument(ALLIANCE)
    renamed = tuple(replace(s, translations=(("es", f"Escala {s.id}"),)) for s in shipped.scales)
    monkeypatch.setitem(_all(), ALLIANCE, replace(shipped, scales=renamed))
    client = make_client(theo, sessions=2)
    html = page(login(theo), reverse("client", args=[client.code]), "es")
    assert _headings(html) == ["Escala goal", "Escala task", "Escala bond"]


def _form(page, login, theo, client, language: str) -> str:
    return page(login(theo), reverse("therapist-form", args=[client.code, 1]), language)


def test_a_spanish_therapist_rates_the_session_in_spanish(page, login, theo, theos_client):
    html = _form(page, login, theo, theos_client, "es")
    spanish = get_instrument(MIRROR).in_language("es")
    assert all(item.label in html for item in spanish.items)
    assert "Trabajamos en lo que más le importa a este cliente." in html
    assert "0 significa nada" in html and "Un poco" in html and "Del todo" in html
    english = get_instrument(MIRROR)
    assert not [item.label for item in english.items if item.label in html]
    assert "A little" not in html and "not at all" not in html


def test_an_english_therapist_keeps_the_english_questions(page, login, theo, theos_client):
    html = _form(page, login, theo, theos_client, "en")
    assert all(item.label in html for item in get_instrument(MIRROR).items)
    assert "Trabajamos" not in html and "Un poco" not in html


@pytest.fixture
def wai_for_therapists(clinic):
    ClinicSettings.objects.update_or_create(clinic=clinic, defaults={"schedule": {"wai-sr-t": 1}})


def test_the_therapists_wai_sr_short_labels_are_in_spanish_with_the_note(
    page, login, theo, theos_client, wai_for_therapists
):
    html = _form(page, login, theo, theos_client, "es")
    assert "Ítem de tarea: acuerdo sobre las tareas A" in html and "1 - rara vez" in html
    assert "Task item" not in html and "rarely" not in html
    assert 'class="hint short-labels"' in html
