"""Charts for the reports: the app's SVG charts with their style inside each <svg>, so a PDF
renderer (which does not apply the page's stylesheet to inline SVG) draws them the same. Each is
drawn wide and narrow, like the client page's; the report's stylesheet shows the one that fits
(the PDF, on paper, the wide one)."""

from __future__ import annotations

import re

import pandas as pd
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.measures import get_instrument
from alliance.web.charts.intervals import Group, Interval, interval_entries, intervals_for_screens
from alliance.web.charts.legend import legend, render_legend
from alliance.web.charts.svg import MARKERS, Chart, Series, render_for_screens
from alliance.web.clientpage.charts import HEADINGS, bands_of, expected_series
from alliance.web.clinic.instruments import ALLIANCE, DEFAULT_OUTCOME, DIMENSIONS
from alliance.web.clinic.tables import series
from alliance.web.formats.numbers import shown_decimal

CHART_STYLE = """<style>
.tick, .label, .band-name, .name, .heading { font-family: "DejaVu Sans", sans-serif; }
polyline { fill: none; stroke: #1b1f24; stroke-width: 1.5; }
</style>"""  # the charts' colours travel as attributes; the goals' sparklines need this style
PLAIN_DIMENSIONS = {
    "goal": gettext_lazy("Agreeing on what we work on"),
    "task": gettext_lazy("Agreeing on how we work"),
    "bond": gettext_lazy("Feeling understood and respected"),
}
SVG_OPENING = re.compile(r'(<svg\b[^>]*?viewBox="0 0 ([\d.]+) ([\d.]+)"[^>]*)>')


def styled(svg: str) -> SafeString:
    """Each picture of the SVG (a chart drawn wide and narrow has two) with the chart style
    just inside its opening tag, and its size as attributes.

    Without width and height a PDF renderer gives the chart a whole page of height; with them,
    CSS `height: auto` keeps the chart's own proportions in print and on screen alike."""
    sized = SVG_OPENING.sub(rf'\1 width="\2" height="\3">{CHART_STYLE}', svg)
    return mark_safe(sized)  # escaped when built; only numbers and the fixed style are added


def plain_alliance_chart(scores: pd.DataFrame) -> dict:
    """The client's own ratings of the three parts of working together, in plain words."""
    table = series(scores, ALLIANCE, "client", list(DIMENSIONS))
    lines = [
        Series(
            str(PLAIN_DIMENSIONS[dim]),
            dim,
            [(float(s), None if pd.isna(v) else float(v)) for s, v in table[dim].items()],
            marker=shape,
        )
        for dim, shape in zip(DIMENSIONS, MARKERS, strict=False)
    ]
    chart = Chart(
        title=_("How working together has felt to you"),
        desc=_("Your answers (0-10, higher is better) after each session."),
        x_label=_("Session"),
        y_label=_("Your answer (0-10)"),
        y_range=(0, 10),
        series=lines,
        x_range=_x_range(table),
        spread_ties=True,
    )
    return {
        "svg": styled(render_for_screens(chart, chart_id="report-alliance")),
        "legend": legend(chart, "report-alliance-key"),
    }


def plain_outcome_chart(
    scores: pd.DataFrame, expected: list | None = None, outcome: str = DEFAULT_OUTCOME
) -> dict:
    """The outcome questionnaire over sessions, lower is better, with the usual course when
    known; with its legend."""
    instrument = get_instrument(outcome)
    table = series(scores, outcome, "client", ["total"])
    low, high = instrument.scale_range("total")
    points = [(float(s), None if pd.isna(v) else float(v)) for s, v in table["total"].items()]
    chart = Chart(
        title=_("How you have been feeling"),
        desc=_(
            "Your mood questionnaire score after each session; lower is better. Dashed: the "
            "usual course for people who started where you did."
        ),
        x_label=_("Session"),
        y_label=_("Score (lower is better)"),
        y_range=(low, high),
        series=[
            *expected_series(expected or [], (low, high)),
            Series(_("Your score"), "outcome", points),
        ],
        bands=bands_of(instrument, high),
        x_range=_x_range(table, [row[0] for row in expected or []]),
    )
    return {
        "svg": styled(render_for_screens(chart, chart_id="report-outcome")),
        "legend": legend(chart, "report-outcome-key"),
    }


def _x_range(table: pd.DataFrame, more: list | None = None) -> tuple[float, float]:
    """From the first to the last session shown, at least two sessions wide."""
    sessions = [float(s) for s in table.index] + [float(s) for s in more or []]
    if not sessions:
        return (1.0, 2.0)
    return (min(sessions), max(max(sessions), min(sessions) + 1))


def supervision_chart(figures) -> dict:
    """The therapist's and the clinic's mean per part with 95% intervals, named by the
    therapist's display name, on an axis fitted to the numbers; with its legend."""
    name, clinic = figures.therapist.display, _("Whole clinic")
    groups = []
    for d in figures.dimensions:
        rows = []
        if d.mean is not None:
            rows.append(Interval(name, d.mean, d.low, d.high, "mine"))
        if d.clinic is not None:
            rows.append(Interval(clinic, d.clinic, d.clinic_low, d.clinic_high, "clinic"))
        if rows:
            groups.append(Group(str(HEADINGS.get(d.dimension, d.dimension.capitalize())), rows))
    if not groups:
        return {"svg": "", "legend": ""}
    words = "; ".join(
        f"{g.heading}: " + ", ".join(_interval_words(r) for r in g.rows) for g in groups
    )
    svg = intervals_for_screens(
        groups,
        title=_("The alliance by part (0-10): %(name)s against the clinic") % {"name": name},
        desc=_("Mean client rating with its 95%% interval. %(words)s.") % {"words": words},
        x_label=_("Mean client rating (0-10)"),
        chart_id="supervision-intervals",
    )
    return {
        "svg": styled(svg),
        "legend": render_legend(interval_entries({"mine": name, "clinic": clinic})),
    }


def _interval_words(row: Interval) -> str:
    return _("%(name)s %(mean)s (%(low)s to %(high)s)") % {
        "name": row.name,
        "mean": shown_decimal(row.mean),
        "low": shown_decimal(row.low),
        "high": shown_decimal(row.high),
    }
