"""The line chart's picture, checked by geometry in its wide and its narrow frame: a legend entry
for every line, shade and mark; no two words on a chart collide (by their computed boxes); every
marker, at 0 and at 10 too, lies inside the picture; rupture spans are hatched and outlined, never
filled like a band."""

from __future__ import annotations

import re

import pytest

from alliance.measures import get_instrument
from alliance.web.charts.boxes import first_overlap, text_box
from alliance.web.charts.legend import entries, legend
from alliance.web.charts.svg import NARROW, WIDE, Band, Chart, Mark, Series, labels, render
from alliance.web.clientpage.charts import bands_of, expected_series

MARKER = re.compile(
    r'<circle cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)"/>'
    r'|<rect x="([\d.-]+)" y="([\d.-]+)" width="(\d+)" height="(\d+)"/>'
    r'|<polygon points="([^"]+)"/>'
)


def _marker_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    found = []
    for m in MARKER.finditer(svg):
        if m.group(1):
            x, y, r = float(m.group(1)), float(m.group(2)), float(m.group(3))
            found.append((x - r, y - r, x + r, y + r))
        elif m.group(4):
            x, y = float(m.group(4)), float(m.group(5))
            found.append((x, y, x + float(m.group(6)), y + float(m.group(7))))
        else:
            xy = [tuple(map(float, p.split(","))) for p in m.group(8).split()]
            found.append(
                (
                    min(p[0] for p in xy),
                    min(p[1] for p in xy),
                    max(p[0] for p in xy),
                    max(p[1] for p in xy),
                )
            )
    return found


def _phq_chart(sessions: int, marks=(), expected=True) -> Chart:
    phq = get_instrument("phq-9")
    low, high = phq.scale_range("total")
    course = [(s, 20 - s * 0.5, 14 - s * 0.6, 26 - s * 0.4) for s in range(1, sessions + 1)]
    return Chart(
        title="t",
        desc="d",
        x_label="Session",
        y_label="PHQ-9 total",
        y_range=(low, high),
        series=[
            *(expected_series(course, (low, high)) if expected else []),
            Series(
                "PHQ-9 total",
                "outcome",
                [(float(s), float(27 - s % 28)) for s in range(1, sessions + 1)],
            ),
        ],
        bands=bands_of(phq, high),
        cutoff=phq.cutoff.value,
        marks=list(marks),
    )


def _alliance_chart(values: list[float], marks=()) -> Chart:
    points = [(float(n), v) for n, v in enumerate(values, start=1)]
    return Chart(
        title="t",
        desc="d",
        x_label="Session",
        y_label="Rating (0-10)",
        y_range=(0, 10),
        series=[
            Series("Client", "client", points, marker="circle"),
            Series("Therapist", "therapist", points, marker="square"),
            Series("Third", "bond", points, marker="triangle"),
        ],
        marks=list(marks),
        spread_ties=True,
    )


RUPTURES = [
    Mark(3, 4, "Rupture: sessions 3 to 4, repaired", "rupture repaired"),
    Mark(5, 5, "Repaired at session 5", "repair"),
    Mark(6, 6, "Rupture: session 6, unrepaired", "rupture unrepaired"),
    Mark(8, 8, "Rupture: session 8, open", "rupture open"),
]


FRAMES = pytest.mark.parametrize("frame", [WIDE, NARROW], ids=lambda frame: frame.name)


@FRAMES
@pytest.mark.parametrize("sessions", [1, 2, 8, 20, 52])
def test_no_two_words_on_the_outcome_chart_collide(sessions, frame):
    chart = _phq_chart(sessions)
    found = [(f"{label.css} {label.text!r}", label.box) for label in labels(chart, frame)]
    assert first_overlap(found) is None
    assert [name for name, box in found if not box.inside(frame.width, frame.height)] == []


@FRAMES
@pytest.mark.parametrize("instrument", ["phq-9", "gad-7"])
def test_band_names_sit_beside_the_plot_where_no_line_is_drawn(instrument, frame):
    measure = get_instrument(instrument)
    low, high = measure.scale_range("total")
    chart = Chart(
        "t",
        "d",
        "Session",
        "y",
        (low, high),
        [Series("T", "outcome", [(1.0, 3.0)])],
        bands=bands_of(measure, high),
    )
    names = [label for label in labels(chart, frame) if label.css == "band-name"]
    assert names and all(label.box.left > chart.right(frame) for label in names)
    assert all(label.box.right <= frame.width for label in names)
    assert first_overlap([(label.text, label.box) for label in names]) is None


@FRAMES
def test_narrow_bands_push_their_names_apart(frame):
    bands = [Band(0, 1, "very low indeed"), Band(1, 2, "low but not much"), Band(2, 10, "high")]
    chart = Chart(
        "t", "d", "Session", "y", (0, 10), [Series("T", "outcome", [(1.0, 3.0)])], bands=bands
    )
    boxes = [(label.text, label.box) for label in labels(chart, frame)]
    assert first_overlap(boxes) is None


def test_a_crowded_scale_keeps_its_ends_and_drops_ticks_that_would_touch():
    bands = [Band(0, 1, "a"), Band(1, 2, "b"), Band(2, 27, "c")]
    chart = Chart("t", "d", "S", "y", (0, 27), [Series("T", "outcome", [(1.0, 3.0)])], bands=bands)
    ticks = [label.text for label in labels(chart) if label.css == "tick" and label.anchor == "end"]
    assert ticks[0] == "0" and ticks[-1] == "27" and len(ticks) < 4
    assert first_overlap([(label.text, label.box) for label in labels(chart)]) is None


@FRAMES
@pytest.mark.parametrize("values", [[10, 10, 10], [0, 0, 0], [0, 10, 0, 10], [10]])
def test_markers_at_the_ends_of_the_scale_lie_inside_the_picture_and_the_plot(values, frame):
    svg = str(render(_alliance_chart(values), chart_id="c", frame=frame))
    boxes = _marker_boxes(svg)
    assert len(boxes) == 3 * len(values)
    assert all(
        left >= 0 and right <= frame.width and top >= 10 and bottom <= frame.height - 42
        for left, top, right, bottom in boxes
    )


def test_the_legend_names_every_line_shade_and_mark_once():
    chart = _phq_chart(6, RUPTURES)
    names = [entry.name for entry in entries(chart, "k")]
    assert names[:3] == ["PHQ-9 total", "Expected course", "Expected range (lower and upper edge)"]
    assert "Clinical cutoff (10)" in names
    assert names.count("Rupture, repaired") == 1 and "Rupture, not repaired" in names
    assert "Rupture, still open" in names and "Repair (the session it was repaired)" in names
    assert [
        n
        for n in names
        if "(" in n
        and n.split(" (")[0] in ("minimal", "mild", "moderate", "moderately severe", "severe")
    ] == [
        "minimal (0-4)",
        "mild (5-9)",
        "moderate (10-14)",
        "moderately severe (15-19)",
        "severe (20-27)",
    ]
    html = str(legend(chart, "k"))
    assert html.count('<svg class="swatch"') == len(names)
    assert 'aria-label="Key to the chart"' in html


def test_rupture_spans_are_hatched_and_outlined_unlike_the_bands():
    svg = str(render(_phq_chart(8, RUPTURES), chart_id="c"))
    spans = re.findall(
        r'<rect class="episode rupture (\w+)"[^>]*fill="url\(#c-hatch-(\w+)\)"'
        r'[^>]*stroke-dasharray="3 2"',
        svg,
    )
    assert spans == [("repaired", "repaired"), ("unrepaired", "unrepaired"), ("open", "open")]
    assert svg.count('<pattern id="c-hatch-') == 3
    band_fills = re.findall(r'<rect class="band band-\d" [^>]*fill="([^"]+)"', svg)
    assert len(band_fills) == 5 and not any(fill.startswith("url(") for fill in band_fills)
    assert '<rect class="mark repair"' in svg


def test_every_chart_of_one_page_names_its_own_hatches():
    first = str(render(_alliance_chart([5, 6], RUPTURES), chart_id="alliance-goal"))
    second = str(render(_alliance_chart([5, 6], RUPTURES), chart_id="alliance-task"))
    ids = re.findall(r'<pattern id="([^"]+)"', first) + re.findall(r'<pattern id="([^"]+)"', second)
    assert len(ids) == len(set(ids)) == 6


def test_text_boxes_overlap_only_when_they_touch():
    assert text_box(0, 10, "abc", 10).overlaps(text_box(10, 10, "abc", 10))
    assert not text_box(0, 10, "abc", 10).overlaps(text_box(0, 30, "abc", 10))


def test_the_legend_says_when_a_line_has_no_ratings_yet():
    chart = Chart(
        "t",
        "d",
        "Session",
        "y",
        (0, 10),
        [
            Series("Client", "client", [(1.0, 8.0)]),
            Series("Therapist", "therapist", [(1.0, None)], marker="square"),
        ],
    )
    assert [entry.name for entry in entries(chart, "k")] == ["Client", "Therapist (none yet)"]


@FRAMES
@pytest.mark.parametrize("sessions", [1, 8, 52])
def test_the_alliance_charts_words_never_collide_and_stay_inside(sessions, frame):
    chart = _alliance_chart([5.0 + (n % 3) for n in range(sessions)], RUPTURES)
    found = [(f"{label.css} {label.text!r}", label.box) for label in labels(chart, frame)]
    assert first_overlap(found) is None
    assert [name for name, box in found if not box.inside(frame.width, frame.height)] == []


def test_the_narrow_picture_is_drawn_at_a_phones_width_with_words_of_11_units_or_more():
    # on a 320 px phone the chart gets 288 px: the narrow picture is drawn about 1:1 there
    assert 280 <= NARROW.width <= 288 and NARROW.width < WIDE.width
    sizes = {label.size for label in labels(_phq_chart(8), NARROW)}
    assert min(sizes) >= 11
