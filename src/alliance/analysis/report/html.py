"""A self-contained HTML report: expected bands with clients, and the alliance-outcome estimates."""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd

from alliance.analysis.alliance_outcome import AllianceOutcomeModel
from alliance.analysis.trajectories import ExpectedRecovery

from .svg import STATUS_COLOURS, band_chart, interval_chart

# The columns of the per-client table, in the report and in the command's table output.
CLIENT_COLUMNS = [
    "client_id",
    "session",
    "outcome",
    "expected",
    "lower",
    "upper",
    "status",
    "reliable_change",
    "category",
    "projected_change",
]

STYLE = """body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;
line-height:1.45}
table{border-collapse:collapse}.scroll{overflow-x:auto}figure{margin:1rem 0}
svg{max-width:100%;height:auto}
td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.note{background:#fff4d6;padding:.5rem}"""


def render_report(
    recovery: ExpectedRecovery,
    placements: pd.DataFrame,
    model: AllianceOutcomeModel | None,
    *,
    title: str = "Alliance analysis",
) -> str:
    """The whole report as one HTML string (inline CSS and SVG, nothing fetched)."""
    body = [
        f"<h1>{escape(title)}</h1>",
        _status_counts(placements),
        "<h2>Expected course by intake severity</h2>",
        _notes(recovery),
        f'<div class="charts">{"".join(_band_charts(recovery, placements))}</div>',
        "<h2>Alliance and next-session outcome</h2>",
        _effects(model),
        "<h2>Clients</h2>",
        _client_notes(recovery),
        _client_table(placements),
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}"
        f"</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
    )


def _status_counts(placements: pd.DataFrame) -> str:
    counts = placements["status"].value_counts()
    items = "".join(
        f'<li><span style="color:{colour}">&#9679;</span> {escape(status)}: '
        f"{int(counts.get(status, 0))}</li>"
        for status, colour in STATUS_COLOURS.items()
    )
    return f"<p>{len(placements)} clients, each placed at their latest session:</p><ul>{items}</ul>"


def _notes(recovery: ExpectedRecovery) -> str:
    return "".join(f'<p class="note">{escape(note)}</p>' for note in recovery.notes_)


def _band_charts(recovery: ExpectedRecovery, placements: pd.DataFrame) -> list[str]:
    strata = recovery.stratum_of(placements["intake"].to_numpy(dtype=float))
    y_max = float(max(27.0, placements[["outcome", "intake"]].to_numpy().max()))
    last = int(max(placements["session"].max(), 2))
    charts = []
    for stratum in np.unique(strata):
        mine = placements[strata == stratum]
        typical = float(mine["intake"].median())
        band = recovery.predict(typical, np.arange(1, last + 1))
        curve = [
            (float(s), float(e), float(lo), float(hi))
            for s, e, lo, hi in band[["session", "expected", "lower", "upper"]].itertuples(
                index=False
            )
        ]
        points = list(mine[["session", "outcome", "status"]].itertuples(index=False))
        title = f"{recovery.stratum_label(int(stratum))}: band at intake {typical:g}"
        charts.append(
            f"<figure>{band_chart(curve, points, title, y_max)}"
            f"<figcaption>{escape(title)} ({len(mine)} clients)</figcaption></figure>"
        )
    return charts


def _effects(model: AllianceOutcomeModel | None) -> str:
    if model is None:
        return "<p>Too few clients with two or more sessions to estimate the effects.</p>"
    rows = [
        (effect_name(scale, part.name), part.estimate, part.ci_low, part.ci_high)
        for scale, effect in model.effects_.items()
        for part in (effect.within, effect.between)
    ]
    chart = interval_chart(
        rows,
        "Next-session outcome points per alliance point (95% CI)",
        x_label="Outcome points per alliance point",
    )
    reading = "".join(f"<p>{escape(line)}</p>" for line in model.reading().splitlines())
    return (
        f"<figure>{chart}<figcaption>Each dot is an estimate and its line the 95% interval. "
        f"Below 0: a better alliance goes with fewer symptoms next session. "
        f"{model.n_clients_} clients, {model.n_sessions_} session pairs."
        f"</figcaption></figure>{_effects_table(rows)}{reading}"
    )


# "within" and "between" as the chart and its table name them in full
PART_NAMES = {"within": "within a client", "between": "between clients"}


def effect_name(scale: str, part: str) -> str:
    """The full name, such as "Alliance, within a client" for ("alliance", "within")."""
    return f"{scale.replace('_', ' ').capitalize()}, {PART_NAMES.get(part, part)}"


def _effects_table(rows: list[tuple[str, float, float, float]]) -> str:
    body = "".join(
        f'<tr><th scope="row">{escape(name)}</th><td>{estimate:.2f}</td>'
        f"<td>{low:.2f} to {high:.2f}</td></tr>"
        for name, estimate, low, high in rows
    )
    head = "".join(f'<th scope="col">{name}</th>' for name in ("Effect", "Estimate", "95% CI"))
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f'<div class="scroll">{table}</div>'


def _client_notes(recovery: ExpectedRecovery) -> str:
    end = recovery.persistence_.end_session
    return (
        "<p>reliable_change: the Jacobson-Truax index from the first session (below 0 is "
        f"better). projected_change: the change from intake the course so far points to by "
        f"session {end:g}, the clinic's typical length.</p>"
    )


def _client_table(placements: pd.DataFrame) -> str:
    shown = placements[[c for c in CLIENT_COLUMNS if c in placements]].round(1)
    return f'<div class="scroll">{shown.to_html(index=False, escape=True, border=0)}</div>'
