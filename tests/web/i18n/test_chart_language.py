"""The client page's charts speak the browser's language: legends, axes and text alternatives."""

from __future__ import annotations

import re

from django.urls import reverse

LEGEND = re.compile(r'<ul class="legend" aria-label="([^"]*)">(.*?)</ul>', re.DOTALL)


def _legend_words(html: str) -> str:
    return " ".join(
        re.sub(r"<svg.*?</svg>", "", items, flags=re.DOTALL) for _, items in LEGEND.findall(html)
    )


def test_the_client_pages_chart_legends_are_in_spanish(page, login, theo, make_client):
    client = make_client(theo, sessions=2)
    html = page(login(theo), reverse("client", args=[client.code]), "es")
    words = _legend_words(html)
    assert 'aria-label="Leyenda del gráfico"' in html
    assert "Cliente" in words and "Punto de corte clínico (10)" in words
    assert "Valoración (0-10)" in html and "después de cada sesión" in html
    assert "Clinical cutoff" not in html and "Rating (0-10)" not in html
    assert "Key to the chart" not in html


def test_a_line_without_points_is_named_as_empty_in_spanish(page, login, theo, make_client):
    client = make_client(theo, sessions=2)
    html = page(login(theo), reverse("client", args=[client.code]), "es")
    assert "Terapeuta (aún sin datos)" in _legend_words(html)


def test_the_legends_stay_english_for_an_english_browser(page, login, theo, make_client):
    client = make_client(theo, sessions=2)
    html = page(login(theo), reverse("client", args=[client.code]), "en")
    words = _legend_words(html)
    assert "Client" in words and "Clinical cutoff (10)" in words
    assert 'aria-label="Key to the chart"' in html
