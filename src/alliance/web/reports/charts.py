"""Charts for the reports: the app's SVG charts with their style inside each <svg>, so a PDF
renderer (which does not apply the page's stylesheet to inline SVG) draws them the same."""

from __future__ import annotations

import re

import pandas as pd
from django.utils.safestring import SafeString, mark_safe

from alliance.measures import get_instrument
from alliance.web.charts.svg import Band, Chart, Series, legend, render
from alliance.web.clientpage.charts import expected_series
from alliance.web.clinic.instruments import ALLIANCE, DEFAULT_OUTCOME, DIMENSIONS
from alliance.web.clinic.tables import series

CHART_STYLE = """<style>
.axis { fill: none; stroke: #1b1f24; } .tick, .label { font-size: 11px; fill: #1b1f24; }
.line { fill: none; stroke-width: 2; } .series circle { stroke: none; }
.goal .line { stroke: #0b5cad; } .goal circle { fill: #0b5cad; }
.task .line { stroke: #b04a00; stroke-dasharray: 6 3; } .task circle { fill: #b04a00; }
.bond .line { stroke: #287a3e; stroke-dasharray: 2 3; } .bond circle { fill: #287a3e; }
.outcome .line { stroke: #1b1f24; } .outcome circle { fill: #1b1f24; }
.cutoff { stroke: #a4001d; stroke-dasharray: 4 2; } .band { stroke: none; }
.band-0 { fill: #f3f7f3; } .band-1 { fill: #eaf1ea; } .band-2 { fill: #fbf3e6; }
.band-3 { fill: #f8e6dc; } .band-4 { fill: #f4d9d9; } .mark { stroke: none; }
.expected .line { stroke: #1f5fa8; stroke-dasharray: 6 3; }
.expected-edge .line { stroke: #1f5fa8; stroke-width: 1; stroke-dasharray: 2 3; }
.expected circle, .expected-edge circle { display: none; }
polyline { fill: none; stroke: #1b1f24; stroke-width: 1.5; }
</style>"""
PLAIN_DIMENSIONS = {
    "goal": "Agreeing on what we work on",
    "task": "Agreeing on how we work",
    "bond": "Feeling understood and respected",
}
VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')


def styled(svg: str) -> SafeString:
    """The SVG with the chart style just inside its opening tag, and its size as attributes.

    Without width and height a PDF renderer gives the chart a whole page of height; with them,
    CSS `height: auto` keeps the chart's own proportions in print and on screen alike."""
    end = svg.index(">")
    width, height = VIEWBOX.search(svg[:end]).groups()
    size = f' width="{width}" height="{height}"'
    return mark_safe(svg[:end] + size + ">" + CHART_STYLE + svg[end + 1 :])  # escaped when built


def plain_alliance_chart(scores: pd.DataFrame) -> dict:
    """The client's own ratings of the three parts of working together, in plain words."""
    table = series(scores, ALLIANCE, "client", list(DIMENSIONS))
    lines = [
        Series(
            PLAIN_DIMENSIONS[dim],
            dim,
            [(float(s), None if pd.isna(v) else float(v)) for s, v in table[dim].items()],
        )
        for dim in DIMENSIONS
    ]
    chart = Chart(
        title="How working together has felt to you",
        desc="Your answers (0-10, higher is better) after each session.",
        x_label="Session",
        y_label="Your answer (0-10)",
        y_range=(0, 10),
        series=lines,
        x_range=_x_range(table),
    )
    return {"svg": styled(render(chart, chart_id="report-alliance")), "legend": legend(lines)}


def plain_outcome_chart(
    scores: pd.DataFrame, expected: list | None = None, outcome: str = DEFAULT_OUTCOME
) -> SafeString:
    """The outcome questionnaire over sessions, lower is better, with the usual course when
    known."""
    instrument = get_instrument(outcome)
    table = series(scores, outcome, "client", ["total"])
    low, high = instrument.scale_range("total")
    points = [(float(s), None if pd.isna(v) else float(v)) for s, v in table["total"].items()]
    chart = Chart(
        title="How you have been feeling",
        desc="Your mood questionnaire score after "
        "each session; lower is better. Dashed: the usual course for people who "
        "started where you did.",
        x_label="Session",
        y_label="Score (lower is better)",
        y_range=(low, high),
        series=[
            *expected_series(expected or [], (low, high)),
            Series("Your score", "outcome", points),
        ],
        bands=[
            Band(b.low, b.high + 1 if b.high < high else b.high, b.name) for b in instrument.bands
        ],
        x_range=_x_range(table, [row[0] for row in expected or []]),
    )
    return styled(render(chart, chart_id="report-outcome"))


def _x_range(table: pd.DataFrame, more: list | None = None) -> tuple[float, float]:
    """From the first to the last session shown, at least two sessions wide."""
    sessions = [float(s) for s in table.index] + [float(s) for s in more or []]
    if not sessions:
        return (1.0, 2.0)
    return (min(sessions), max(max(sessions), min(sessions) + 1))
