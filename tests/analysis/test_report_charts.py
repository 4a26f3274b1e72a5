"""The research report's charts read at a glance: words of 12 units or more that never overlap
and stay inside the picture, an interval axis of round numbers fitted to the data and 0, and
each estimate under its full name."""

from __future__ import annotations

import re

import pytest

from alliance.analysis.report.html import effect_name
from alliance.analysis.report.svg import (
    band_chart,
    interval_chart,
    nice_ticks,
    text_width,
    tick_text,
)

TEXT = re.compile(
    r'<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)"( transform="[^"]+")?>([^<]*)</text>'
)
EFFECTS = [
    ("alliance", "within", -0.86, -1.23, -0.49),
    ("alliance", "between", -0.64, -0.95, -0.34),
    ("goal", "within", -0.5, -0.81, -0.19),
    ("goal", "between", -0.63, -0.93, -0.33),
    ("bond", "within", 0.02, -0.31, 0.35),
]


def _rows(effects=EFFECTS):
    return [(effect_name(scale, part), e, lo, hi) for scale, part, e, lo, hi in effects]


def _size_and_view(svg: str) -> tuple[float, float, float]:
    width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    size = float(re.search(r'<svg [^>]*font-size="([\d.]+)"', svg).group(1))
    assert "font-size" not in svg.split(">", 1)[1]  # no word drawn smaller than the chart's size
    return size, width, height


def _boxes(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    size, _, _ = _size_and_view(svg)
    found = []
    for x, y, anchor, turned, words in TEXT.findall(svg):
        x, y, wide = float(x), float(y), text_width(words, size)
        if turned:  # turned a quarter left about its own point: wide upwards, one line across
            found.append((words, (x - 0.8 * size, y - wide / 2, x + 0.25 * size, y + wide / 2)))
            continue
        left = {"start": x, "middle": x - wide / 2, "end": x - wide}[anchor]
        found.append((words, (left, y - 0.8 * size, left + wide, y + 0.25 * size)))
    return found


def _overlaps(boxes) -> list[tuple[str, str]]:
    return [
        (a, b)
        for n, (a, (l1, t1, r1, b1)) in enumerate(boxes)
        for b, (l2, t2, r2, b2) in boxes[n + 1 :]
        if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1
    ]


def _inside(svg: str) -> list[str]:
    _, width, height = _size_and_view(svg)
    return [
        w for w, (x0, y0, x1, y1) in _boxes(svg) if min(x0, y0) < 0 or x1 > width or y1 > height
    ]


@pytest.mark.parametrize("effects", [EFFECTS, EFFECTS[:1], [("alliance", "within", 3.2, 1.1, 7.9)]])
def test_the_interval_charts_words_are_large_apart_and_inside(effects):
    svg = interval_chart(_rows(effects), "t", x_label="Outcome points per alliance point")
    size, width, _ = _size_and_view(svg)
    assert size >= 12 and width <= 360  # 360 units shown 288 px wide still draw 11 px words
    assert _overlaps(_boxes(svg)) == [] and _inside(svg) == []


def test_each_estimate_is_shown_under_its_full_name():
    svg = interval_chart(_rows(), "t")
    names = [words for *_, words in TEXT.findall(svg)]
    assert "Alliance, within a client" in names and "Goal, between clients" in names
    assert "Bond, within a client: 0.02 (-0.31 to 0.35)" in svg  # the dot's own title


def test_the_axis_is_round_numbers_fitted_to_the_intervals_and_zero():
    ticks = nice_ticks(-1.23, 0.0)
    assert ticks == [-1.25, -1.0, -0.75, -0.5, -0.25, 0.0]
    assert [tick_text(v, ticks) for v in ticks[-2:]] == ["\u22120.25", "0"]
    for low, high in [(-1.23, 0.35), (0.0, 7.9), (-0.04, 0.0), (-30.0, 12.0)]:
        found = nice_ticks(low, high)
        step = found[1] - found[0]
        assert found[0] <= low < found[0] + step and found[-1] - step < high <= found[-1]
        assert 3 <= len(found) <= 7


def test_the_band_charts_words_are_large_apart_and_inside():
    curve = [(float(s), 20 - s * 0.5, 14 - s * 0.6, 26 - s * 0.4) for s in range(1, 27)]
    svg = band_chart(curve, [(3.0, 12.0, "on-track"), (26.0, 27.0, "not-on-track")], "t", 27.0)
    size, _, _ = _size_and_view(svg)
    assert size >= 12 and _overlaps(_boxes(svg)) == [] and _inside(svg) == []
