"""The supervision report's interval chart: an axis fitted to the numbers with whole-number
ticks, names in their own column (a long one cut, whole in the row's title), nothing colliding or
sticking out, wide and in the narrow picture a phone shows."""

from __future__ import annotations

import re

import pytest

from alliance.web.charts.boxes import first_overlap
from alliance.web.charts.intervals import (
    NARROW,
    WIDE,
    Group,
    Interval,
    axis_range,
    interval_labels,
    intervals_for_screens,
    render_intervals,
)

NAME = "Theodora Okonkwo-Lindqvist"


def _groups(mean: float = 7.5, spread: float = 0.8) -> list[Group]:
    return [
        Group(
            part,
            [
                Interval(NAME, mean, mean - spread, mean + spread, "mine"),
                Interval("Whole clinic", 8.1, 7.9, 8.3, "clinic"),
            ],
        )
        for part in ("Goals", "Tasks", "Bond")
    ]


def test_the_axis_fits_the_intervals_in_whole_numbers_inside_the_scale():
    assert axis_range(_groups()) == (6, 9)
    assert axis_range(_groups(9.8, 0.5)) == (7, 10)  # never past 10; the clinic from 7.9
    assert axis_range(_groups(1.0, 2.0)) == (0, 9)  # never below 0
    assert axis_range([Group("G", [Interval("a", 5.0, 5.0, 5.0, "mine")])]) == (4, 6)


FRAMES = pytest.mark.parametrize("frame", [WIDE, NARROW], ids=lambda frame: frame.name)
X_LABELS = ["Mean (0-10)", "Mean client rating (0-10)", "Valoración media de los clientes (0-10)"]


@FRAMES
@pytest.mark.parametrize("x_label", X_LABELS)
def test_ticks_are_whole_numbers_and_the_words_never_collide(frame, x_label):
    svg = str(
        render_intervals(_groups(), title="t", desc="d", x_label=x_label, chart_id="i", frame=frame)
    )
    ticks = re.findall(r'<text class="tick"[^>]*>(\d+)</text>', svg)
    assert ticks == ["6", "7", "8", "9"]
    found = interval_labels(_groups(), x_label, frame)
    assert first_overlap([(label.text, label.box) for label in found]) is None
    height = float(re.search(r'viewBox="0 0 \d+ ([\d.]+)"', svg).group(1))
    assert [label.text for label in found if not label.box.inside(frame.width, height)] == []


def test_the_narrow_picture_cuts_names_shorter_and_keeps_its_words_as_large():
    svg = str(
        render_intervals(_groups(), title="t", desc="d", x_label="x", chart_id="i", frame=NARROW)
    )
    assert ">Theodora Ok…</text>" in svg and ">Whole clinic</text>" in svg
    assert min(label.size for label in interval_labels(_groups(), "x", NARROW)) >= 12
    assert NARROW.width <= 288  # drawn about 1:1 in a 320 px phone's 288 px


def test_both_pictures_are_drawn_each_with_its_own_ids():
    svg = intervals_for_screens(_groups(), title="t", desc="d", x_label="x", chart_id="sup")
    assert svg.count('<svg class="chart intervals wide-chart" viewBox="0 0 360 ') == 1
    assert svg.count('<svg class="chart intervals narrow-chart" viewBox="0 0 280 ') == 1
    assert 'aria-labelledby="sup-narrow-title sup-narrow-desc"' in svg


def test_a_long_name_is_cut_on_the_chart_and_whole_in_the_title():
    svg = str(render_intervals(_groups(), title="t", desc="d", x_label="x", chart_id="i"))
    assert ">Theodora Okonkwo…</text>" in svg and f">{NAME}</text>" not in svg
    assert f"<title>{NAME}: 7.5 (6.7 to 8.3)</title>" in svg
