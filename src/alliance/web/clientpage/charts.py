"""The client page's charts, built from the score table."""

from __future__ import annotations

import pandas as pd
from django.utils.safestring import SafeString

from alliance.measures import get_instrument
from alliance.web.charts.svg import MARKERS, Band, Chart, Mark, Series, legend, render
from alliance.web.clinic.instruments import (
    ALLIANCE,
    DEFAULT_OUTCOME,
    DIMENSIONS,
    MIRROR,
    short_name,
)
from alliance.web.clinic.tables import series

BY_RESPONDENT = {"client": ALLIANCE, "therapist": MIRROR}


def _points(table: pd.DataFrame, column: str) -> list[tuple[float, float | None]]:
    return [(float(s), None if pd.isna(v) else float(v)) for s, v in table[column].items()]


def alliance_panels(scores: pd.DataFrame, marks: list[Mark] | None = None) -> list[dict]:
    """One small-multiple panel per respondent, same scale, one line per dimension; `marks`
    (ruptures and repairs, found in the client's ratings) go on the client's panel."""
    sessions = scores["session"] if not scores.empty else pd.Series([1])
    x_range = (float(sessions.min()), float(sessions.max()))
    panels = []
    for respondent, instrument in BY_RESPONDENT.items():
        table = series(scores, instrument, respondent, list(DIMENSIONS))
        lines = [
            Series(dim.capitalize(), dim, _points(table, dim), marker=shape)
            for dim, shape in zip(DIMENSIONS, MARKERS, strict=False)
        ]
        chart = Chart(
            title=f"Alliance rated by the {respondent}",
            desc=f"Goals, tasks and bond (0-10) at each session as rated by the {respondent}; "
            f"{len(table)} check-in(s). The table below gives the same numbers.",
            x_label="Session",
            y_label="Rating (0-10)",
            y_range=(0, 10),
            series=lines,
            x_range=x_range,
            marks=list(marks or []) if respondent == "client" else [],
            spread_ties=True,
        )
        panels.append(
            {
                "svg": render(chart, chart_id=f"alliance-{respondent}"),
                "legend": legend(lines),
                "count": len(table),
            }
        )
    return panels


def expected_series(
    expected: list[tuple[int, float, float, float]], y_range: tuple[float, float]
) -> list[Series]:
    """The expected course (session, expected, lower, upper) as three lines inside y_range."""

    def inside(value: float) -> float:
        return float(min(max(value, y_range[0]), y_range[1]))

    return [
        Series(name, css, [(float(row[0]), inside(row[i])) for row in expected])
        for i, name, css in (
            (1, "Expected", "expected"),
            (2, "Expected range, lower edge", "expected-edge"),
            (3, "Expected range, upper edge", "expected-edge"),
        )
    ]


def outcome_chart(
    scores: pd.DataFrame, expected: list | None = None, outcome: str = DEFAULT_OUTCOME
) -> SafeString:
    """The outcome total over sessions with its bands shaded, the cutoff line and, when given,
    the expected course with its range (session, expected, lower, upper)."""
    instrument, name = get_instrument(outcome), short_name(outcome)
    table = series(scores, outcome, "client", ["total"])
    low, high = instrument.scale_range("total")
    band = expected_series(expected or [], (low, high))
    chart = Chart(
        title=f"Outcome ({name} total) over sessions",
        desc=f"Higher is worse. Bands: {_band_text(instrument)}. "
        f"The line at {instrument.cutoff.value:g} marks the clinical cutoff."
        + (" Dashed lines: the expected course and its range." if band else ""),
        x_label="Session",
        y_label=f"{name} total",
        y_range=(low, high),
        series=[*band, Series(f"{name} total", "outcome", _points(table, "total"))],
        bands=[
            Band(b.low, b.high + 1 if b.high < high else b.high, b.name) for b in instrument.bands
        ],
        cutoff=instrument.cutoff.value,
    )
    return render(chart, chart_id="outcome")


def _band_text(instrument) -> str:
    return ", ".join(f"{b.name} {b.low:g}-{b.high:g}" for b in instrument.bands)
