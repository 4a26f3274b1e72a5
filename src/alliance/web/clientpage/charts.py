"""The client page's charts, built from the score table."""

from __future__ import annotations

import pandas as pd
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from alliance.measures import get_instrument
from alliance.web.charts.legend import legend
from alliance.web.charts.svg import Band, Chart, Mark, Series, render_for_screens
from alliance.web.clinic.instruments import (
    ALLIANCE,
    DEFAULT_OUTCOME,
    DIMENSIONS,
    MIRROR,
    band_label,
    scale_label,
    short_name,
)
from alliance.web.clinic.tables import series
from alliance.web.formats.numbers import shown_number

BY_RESPONDENT = {"client": ALLIANCE, "therapist": MIRROR}  # the table beside the charts uses it


def _heading(dimension: str) -> str:
    return scale_label(get_instrument(ALLIANCE), dimension)


# the check-in's own scale names, read in the reader's language when shown
HEADINGS = {dim: lazy(_heading, str)(dim) for dim in DIMENSIONS}


def _points(table: pd.DataFrame, column: str) -> list[tuple[float, float | None]]:
    return [(float(s), None if pd.isna(v) else float(v)) for s, v in table[column].items()]


def _said(points: list[tuple[float, float | None]]) -> str:
    given = [
        _("session %(number)s %(value)s") % {"number": shown_number(x), "value": shown_number(y)}
        for x, y in points
        if y is not None
    ]
    if not given:
        return _("no ratings yet")
    # a decimal comma (7,5 in Spanish) would run into the list's own commas
    between = "; " if any("," in said for said in given) else ", "
    return between.join(given)


def alliance_panels(scores: pd.DataFrame, marks: list[Mark] | None = None) -> list[dict]:
    """One panel per part of the alliance (goals, tasks, bond), each with the client's and the
    therapist's ratings on the same axes so the gap between them shows; `marks` (ruptures and
    repairs, found in the client's ratings) go on every panel. All panels share one legend."""
    sessions = scores["session"] if not scores.empty else pd.Series([1])
    x_range = (float(sessions.min()), float(sessions.max()))
    client, therapist = (
        series(scores, instrument, who, list(DIMENSIONS))
        for who, instrument in BY_RESPONDENT.items()
    )
    panels = []
    for dim in DIMENSIONS:
        heading = str(HEADINGS.get(dim, dim.capitalize()))
        theirs, ours = _points(client, dim), _points(therapist, dim)
        chart = Chart(
            title=_("%(part)s: the client's and the therapist's ratings") % {"part": heading},
            desc=_(
                "%(part)s rated 0-10 after each session. Client: %(client)s. "
                "Therapist: %(therapist)s. The table below gives the same numbers."
            )
            % {"part": heading, "client": _said(theirs), "therapist": _said(ours)},
            x_label=_("Session"),
            y_label=_("Rating (0-10)"),
            y_range=(0, 10),
            series=[
                Series(_("Client"), "client", theirs, marker="circle"),
                Series(_("Therapist"), "therapist", ours, marker="square"),
            ],
            x_range=x_range,
            marks=list(marks or []),
            spread_ties=True,
        )
        panels.append(
            {
                "dimension": dim,
                "heading": heading,
                "svg": render_for_screens(chart, chart_id=f"alliance-{dim}"),
                "legend": legend(chart, f"alliance-key-{dim}"),
            }
        )
    return panels


def expected_series(
    expected: list[tuple[int, float, float, float]], y_range: tuple[float, float]
) -> list[Series]:
    """The expected course (session, expected, lower, upper) as three lines inside y_range; the
    legend names the range once."""

    def inside(value: float) -> float:
        return float(min(max(value, y_range[0]), y_range[1]))

    return [
        Series(
            name,
            css,
            [(float(row[0]), inside(row[i])) for row in expected],
            in_legend=shown,
            show_markers=False,
        )
        for i, name, css, shown in (
            (1, _("Expected course"), "expected", True),
            (2, _("Expected range (lower and upper edge)"), "expected-edge", True),
            (3, _("Expected range, upper edge"), "expected-edge", False),
        )
    ]


def outcome_chart(
    scores: pd.DataFrame, expected: list | None = None, outcome: str = DEFAULT_OUTCOME
) -> dict:
    """The outcome total over sessions with its bands shaded, the cutoff line and, when given,
    the expected course with its range (session, expected, lower, upper); with its legend."""
    instrument, name = get_instrument(outcome), short_name(outcome)
    table = series(scores, outcome, "client", ["total"])
    low, high = instrument.scale_range("total")
    band = expected_series(expected or [], (low, high))
    points = _points(table, "total")
    total = _("%(name)s total") % {"name": name}
    chart = Chart(
        title=_("Outcome (%(name)s total) over sessions") % {"name": name},
        desc=_outcome_words(instrument, total, points, expected=bool(band)),
        x_label=_("Session"),
        y_label=total,
        y_range=(low, high),
        series=[*band, Series(total, "outcome", points)],
        bands=bands_of(instrument, high),
        cutoff=instrument.cutoff.value,
    )
    return {
        "svg": render_for_screens(chart, chart_id="outcome"),
        "legend": legend(chart, "outcome-key"),
    }


def _outcome_words(instrument, total: str, points, *, expected: bool) -> str:
    """The outcome chart's text alternative."""
    words = _(
        "Higher is worse. %(total)s: %(said)s. Bands: %(bands)s. "
        "The line at %(cutoff)s marks the clinical cutoff."
    ) % {
        "total": total,
        "said": _said(points),
        "bands": band_text(instrument),
        "cutoff": shown_number(instrument.cutoff.value),
    }
    if expected:
        words += " " + _("Dashed lines: the expected course and its range.")
    return words


def bands_of(instrument, high: float) -> list[Band]:
    """The instrument's bands as shades that meet (a band of whole scores 5-9 runs to 10)."""
    return [
        Band(
            b.low,
            b.high + 1 if b.high < high else b.high,
            band_label(instrument, b.name),
            f"{shown_number(b.low)}-{shown_number(b.high)}",
        )
        for b in instrument.bands
    ]


def band_text(instrument) -> str:
    return ", ".join(
        f"{band_label(instrument, b.name)} {shown_number(b.low)}-{shown_number(b.high)}"
        for b in instrument.bands
    )
