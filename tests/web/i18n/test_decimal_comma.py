"""Numbers a person reads carry the language's decimal mark (7,5 in Spanish); the charts'
coordinates and the alert texts kept on the row keep the point."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from alliance.web.charts.intervals import Interval
from alliance.web.charts.svg import Band, Chart, Series, labels, render
from alliance.web.clinic.alert_words import shown_words, stored_words
from alliance.web.formats.numbers import shown_decimal, shown_number
from alliance.web.reports.charts import _interval_words


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", ["7.5", "7", "7.0", "2.25", "-1.2"]), ("es", ["7,5", "7", "7,0", "2,25", "-1,2"])],
)
def test_numbers_take_the_languages_decimal_mark_and_round_as_python_does(language, expected):
    with translation.override(language):
        shown = [
            shown_number(7.5),
            shown_number(7.0),
            shown_decimal(7),
            shown_decimal(2.249999, 2),
            shown_decimal(-1.25),
        ]
    assert shown == expected


def _chart() -> Chart:
    return Chart(
        title="t",
        desc="d",
        x_label="Session",
        y_label="Rating",
        y_range=(0, 2.5),
        series=[Series("Client", "client", [(1.0, 1.5), (2.0, 2.5)])],
        bands=[Band(0, 1.5, "low")],
        cutoff=1.5,
    )


def test_a_spanish_charts_words_have_decimal_commas_and_its_coordinates_points():
    with translation.override("es"):
        svg = str(render(_chart(), chart_id="c"))
        ticks = [label.text for label in labels(_chart())]
    assert "2,5" in ticks and "2.5" not in ticks
    assert "<title>Punto de corte 1,5</title>" in svg
    assert "<title>low: 0-1,5</title>" in svg
    coordinates = re.findall(r'(?:x|y|cx|cy|width|height)="([^"]+)"', svg)
    assert coordinates and all("," not in value for value in coordinates)
    assert 'viewBox="0 0 ' in svg and "," not in re.search(r'viewBox="([^"]+)"', svg)[1]


def test_an_english_charts_words_keep_the_point():
    with translation.override("en"):
        ticks = [label.text for label in labels(_chart())]
    assert "2.5" in ticks and "2,5" not in ticks


def test_the_supervision_intervals_text_alternative_is_in_the_readers_numbers():
    row = Interval(name="Goal", who="mine", mean=7.25, low=6.5, high=8.0)
    with translation.override("es"):
        assert _interval_words(row) == "Goal 7,2 (de 6,5 a 8,0)"
    with translation.override("en"):
        assert _interval_words(row) == "Goal 7.2 (6.5 to 8.0)"


FIGURES = {"before": 8, "total": 5.5, "change": 2.5, "provisional": True}


def test_an_alert_reads_with_decimal_commas_in_spanish_and_is_kept_with_points():
    with translation.override("es"):
        spanish = shown_words("alliance-drop", FIGURES, "", "")
    kept = stored_words("alliance-drop", FIGURES)
    assert "5,5" in spanish.message and "5.5" not in spanish.message
    assert "5.5" in kept.message and "5,5" not in kept.message
