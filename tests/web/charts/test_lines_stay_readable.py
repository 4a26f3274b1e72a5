"""Charts a reader can decode: equal values of different lines drawn apart with their own marker
shapes, bands named with ticks at their limits, a lone session away from the axis, and an empty
panel that says so (charts of equal dimensions)."""

import re

from alliance.web.charts.legend import legend
from alliance.web.charts.svg import Band, Chart, Series, render


def _chart(series, **options) -> str:
    return str(
        render(
            Chart(
                title="t",
                desc="d",
                x_label="Session",
                y_label="y",
                y_range=(0, 10),
                series=series,
                **options,
            ),
            chart_id="c",
        )
    )


def _same_values() -> list[Series]:
    points = [(1.0, 8.0), (2.0, 6.0)]
    return [
        Series("Goals", "goal", points, marker="circle"),
        Series("Tasks", "task", points, marker="square"),
        Series("Bond", "bond", points, marker="triangle"),
    ]


def test_equal_values_of_three_lines_are_drawn_apart_with_three_marker_shapes():
    svg = _chart(_same_values(), spread_ties=True)
    paths = re.findall(r'<path class="line" d="([^"]+)"', svg)
    assert len(set(paths)) == 3
    assert "<circle" in svg and "<rect x=" in svg and "<polygon" in svg
    chart = Chart("t", "d", "Session", "y", (0, 10), _same_values())
    keys = str(legend(chart, "k"))
    assert keys.count('<svg class="swatch"') == 3 and "<rect x=" in keys and "<polygon" in keys


def test_without_spreading_the_lines_keep_their_exact_values():
    paths = re.findall(r'<path class="line" d="([^"]+)"', _chart(_same_values()))
    assert len(set(paths)) == 1


def test_band_limits_are_the_ticks_and_each_band_is_named_on_the_chart():
    bands = [Band(0, 5, "minimal"), Band(5, 10, "mild")]
    svg = _chart([Series("Total", "outcome", [(1.0, 3.0)])], bands=bands)
    ticks = re.findall(r'<text class="tick"[^>]*text-anchor="end"[^>]*>([^<]+)</text>', svg)
    assert ticks == ["0", "5", "10"]
    assert re.findall(r'<text class="band-name"[^>]*>([^<]+)</text>', svg) == ["minimal", "mild"]


def test_a_single_session_sits_in_the_middle_not_on_the_axis():
    svg = _chart([Series("Goals", "goal", [(1.0, 8.0)])])
    x = float(re.search(r'<circle cx="([\d.]+)"', svg).group(1))
    assert 150 < x < 250


def test_an_empty_chart_says_there_are_no_ratings_yet():
    assert "No ratings yet" in _chart([Series("Goals", "goal", [])])
    assert "No ratings yet" not in _chart([Series("Goals", "goal", [(1.0, 8.0)])])
