"""The supervision report's interval chart: an axis fitted to the numbers with whole-number
ticks, names in their own column (a long one cut, whole in the row's title), nothing colliding."""

from __future__ import annotations

import re

from alliance.web.charts.boxes import first_overlap
from alliance.web.charts.intervals import (
    WIDTH,
    Group,
    Interval,
    axis_range,
    interval_labels,
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


def test_ticks_are_whole_numbers_and_the_words_never_collide():
    svg = str(render_intervals(_groups(), title="t", desc="d", x_label="Mean (0-10)", chart_id="i"))
    ticks = re.findall(r'<text class="tick"[^>]*>(\d+)</text>', svg)
    assert ticks == ["6", "7", "8", "9"]
    found = interval_labels(_groups(), "Mean (0-10)")
    assert first_overlap([(label.text, label.box) for label in found]) is None
    height = float(re.search(r'viewBox="0 0 \d+ ([\d.]+)"', svg).group(1))
    assert all(label.box.inside(WIDTH, height) for label in found)


def test_a_long_name_is_cut_on_the_chart_and_whole_in_the_title():
    svg = str(render_intervals(_groups(), title="t", desc="d", x_label="x", chart_id="i"))
    assert ">Theodora Okonkwo…</text>" in svg and f">{NAME}</text>" not in svg
    assert f"<title>{NAME}: 7.5 (6.7 to 8.3)</title>" in svg
