"""The month-axis line chart, checked by geometry and by what it draws: no two words collide and
every word lies inside the picture, wide and narrow, for any run of months; the narrow picture
keeps the same words and names fewer months; a month without data breaks its line;
a month resting on few answers is drawn hollow and the key says what hollow means."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from alliance.web.charts.boxes import first_overlap
from alliance.web.charts.months import (
    HEIGHT,
    NARROW,
    WIDE,
    MonthChart,
    MonthLine,
    even_ticks,
    labels,
    month_entries,
    months_for_screens,
    render_months,
)
from alliance.web.reports.trends import first_months


def _chart(count: int, last: dt.date, values=None, few=None) -> MonthChart:
    months = first_months(last, count)
    return MonthChart(
        title="t",
        desc="d",
        y_label="Mean rating (0-10)",
        y_range=(0, 10),
        months=months,
        lines=[MonthLine("Alliance", "goal", values or [5.0] * count)],
        few=few or [],
    )


@pytest.mark.parametrize("frame", [WIDE, NARROW], ids=lambda frame: frame.name)
@pytest.mark.parametrize("count", [1, 2, 5, 11, 12, 13, 18, 24])
@pytest.mark.parametrize("last", [dt.date(2026, 1, 9), dt.date(2026, 6, 30), dt.date(2026, 12, 1)])
def test_no_two_words_collide_and_every_word_is_inside(count, last, frame):
    found = labels(_chart(count, last), frame)
    assert first_overlap([(label.text, label.box) for label in found]) is None
    assert [label.text for label in found if not label.box.inside(frame.width, HEIGHT)] == []


def test_the_narrow_picture_names_fewer_months_with_words_as_large():
    chart = _chart(12, dt.date(2026, 6, 1))
    wide, narrow = labels(chart, WIDE), labels(chart, NARROW)
    assert _month_names(narrow) == ["Jul", "Sep", "Nov", "Jan", "Mar", "May"]
    assert len(_month_names(wide)) == 12
    assert min(label.size for label in narrow) == min(label.size for label in wide) >= 12
    assert NARROW.width <= 288  # drawn about 1:1 in a 320 px phone's 288 px


def _month_names(found) -> list[str]:
    return [label.text for label in found if label.text.isalpha()]


def test_both_pictures_are_drawn_each_with_its_own_ids():
    svg = months_for_screens(_chart(3, dt.date(2026, 3, 1)), chart_id="trend-x")
    assert '<svg class="chart months wide-chart" viewBox="0 0 400 230"' in svg
    assert '<svg class="chart months narrow-chart" viewBox="0 0 280 230"' in svg
    assert 'aria-labelledby="trend-x-title trend-x-desc"' in svg
    assert 'aria-labelledby="trend-x-narrow-title trend-x-narrow-desc"' in svg


def test_every_month_is_named_while_they_fit_and_each_year_once():
    words = [label.text for label in labels(_chart(6, dt.date(2026, 2, 1)))]
    assert words[6:14] == ["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "2025", "2026"]


def test_two_years_of_months_name_every_other_month_and_both_new_years():
    words = [label.text for label in labels(_chart(24, dt.date(2026, 12, 1)))]
    assert words.count("2025") == 1 and words.count("2026") == 1
    assert "Jan" in words and "Feb" not in words and len([w for w in words if w.isalpha()]) == 12


def test_a_month_without_data_breaks_the_line():
    svg = render_months(_chart(4, dt.date(2026, 4, 1), values=[5.0, None, 6.0, 7.0]), chart_id="c")
    path = re.search(r'<g class="trend"><title>Alliance</title><path d="([^"]+)"', svg).group(1)
    assert path.count("M") == 2 and svg.count("<circle") == 3


def test_a_month_on_few_answers_is_hollow_and_the_key_says_so():
    chart = _chart(3, dt.date(2026, 3, 1), few=[True, False, False])
    chart.few_words = "fewer than 5 check-ins that month"
    svg = render_months(chart, chart_id="c")
    assert svg.count('<g fill="#fff" stroke="#0b5cad"') == 1
    names = [entry.name for entry in month_entries(chart)]
    assert names == ["Alliance", "Hollow point: fewer than 5 check-ins that month"]


def test_the_key_names_a_line_without_data_and_leaves_out_hollow_when_none_is():
    chart = _chart(2, dt.date(2026, 3, 1), values=[None, None])
    assert [entry.name for entry in month_entries(chart)] == ["Alliance (none yet)"]


def test_the_chart_is_named_for_screen_readers():
    svg = render_months(_chart(2, dt.date(2026, 3, 1)), chart_id="trend-x")
    assert 'role="img" aria-labelledby="trend-x-title trend-x-desc"' in svg
    assert '<title id="trend-x-title">t</title><desc id="trend-x-desc">d</desc>' in svg


@pytest.mark.parametrize(
    "low, high, ticks",
    [
        (0, 10, [0, 2, 4, 6, 8, 10]),
        (0, 27, [0, 5, 10, 15, 20, 27]),
        (0, 100, [0, 20, 40, 60, 80, 100]),
        (0, 40, [0, 10, 20, 30, 40]),
    ],
)
def test_the_scale_is_marked_in_round_steps_with_both_ends(low, high, ticks):
    assert even_ticks(low, high) == ticks
