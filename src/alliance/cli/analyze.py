"""`alliance analyze FILE.csv`: who is on track; how the alliance goes with next-session outcome."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from alliance.analysis.alliance_outcome import AllianceOutcomeModel
from alliance.analysis.change import ChangeCriterion, ClinicalCutoff, change_table
from alliance.analysis.report import render_report
from alliance.analysis.report.html import CLIENT_COLUMNS
from alliance.analysis.trajectories import ExpectedRecovery
from alliance.analysis.trajectories.base import instrument_range
from alliance.analysis.trajectories.table import check_sessions
from alliance.interop.sources import read_table
from alliance.interop.tables import TableError, require_columns
from alliance.measures import DIMENSIONS, UnknownInstrumentError, get_instrument

from ._analyze_json import contract_json
from ._output import fail

REQUIRED = ["client_id", "therapist_id", "session", "alliance", "outcome"]


@click.command("analyze")
@click.argument("path", type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="How to print the result.",
)
@click.option("--report", type=click.Path(dir_okay=False), help="Also write an HTML report here.")
@click.option(
    "--instrument",
    default="phq-9",
    show_default=True,
    help="Outcome instrument whose reliable-change rule and cutoff are used.",
)
@click.option("--sd", type=float, help="Reference SD for reliable change (with --reliability).")
@click.option("--reliability", type=float, help="Reference reliability for reliable change.")
def command(
    path: str,
    fmt: str,
    report: str | None,
    instrument: str,
    sd: float | None,
    reliability: float | None,
) -> None:
    """Analyse FILE.csv (client_id,therapist_id,session,alliance,outcome[,goal,task,bond])."""
    criterion, cutoff = _change_rule(instrument, sd, reliability)
    table = _read(path)
    _check_range(table, instrument, path)
    _progress("fitting expected recovery curves")
    recovery = ExpectedRecovery(
        scale_range=instrument_range(instrument), reliable_change=criterion.points
    ).fit(table)
    placements = _with_change(recovery.place_all(table), table, criterion, cutoff)
    _progress("fitting the alliance-outcome model")
    model = _alliance_model(table)
    if report:
        _progress(f"writing the report to {report}")
        Path(report).write_text(render_report(recovery, placements, model), encoding="utf-8")
    if fmt == "json":
        _print_contract(placements, model)
    else:
        click.echo(_as_table(recovery, placements, model))


def _progress(message: str) -> None:
    click.echo(f"analyze: {message} ...", err=True)


def _read(path: str) -> pd.DataFrame:
    try:
        table = read_table(path)
        require_columns(table, REQUIRED, source=path)
        dims = [d for d in DIMENSIONS if d in table.columns]
        checked = check_sessions(
            table, ["alliance", "outcome", *dims], source=path, labels=("therapist_id",)
        )
    except TableError as error:
        fail(str(error))
    if checked.empty:
        fail(f"{path}: no sessions, only a header")
    return checked


def _change_rule(instrument: str, sd: float | None, reliability: float | None):
    if (sd is None) != (reliability is None):
        fail("--sd and --reliability go together: give both or neither")
    try:
        inst = get_instrument(instrument)
        cutoff = ClinicalCutoff.from_instrument(inst) if inst.cutoff else None
        if sd is not None:
            return ChangeCriterion.from_reference(
                sd, reliability, higher_is_better=inst.higher_is_better
            ), cutoff
        return ChangeCriterion.from_instrument(inst), cutoff
    except (UnknownInstrumentError, ValueError) as error:
        fail(f"--instrument/--sd/--reliability: {error}")
    raise AssertionError("unreachable")


def _with_change(placements: pd.DataFrame, table: pd.DataFrame, criterion, cutoff) -> pd.DataFrame:
    # each client's first outcome in the table is their intake, which the placements carry
    change = change_table(placements["intake"], placements["outcome"], criterion, cutoff)
    return placements.assign(
        reliable_change=change["rci"].to_numpy(), category=change["category"].to_numpy()
    )


def _check_range(table: pd.DataFrame, instrument: str, path: str) -> None:
    low, high = instrument_range(instrument)
    outside = ((table["outcome"] < low) | (table["outcome"] > high)).to_numpy()
    if outside.any():
        row = table.iloc[int(outside.argmax())]
        fail(
            f"{path}: client {row['client_id']} session {row['session']:g}: column outcome has "
            f"{row['outcome']:g}, outside the {instrument} range {low:g} to {high:g} "
            "(choose the outcome measure with --instrument)"
        )


def _alliance_model(table: pd.DataFrame) -> AllianceOutcomeModel | None:
    try:
        return AllianceOutcomeModel().fit(table)
    except ValueError as error:
        _progress(f"alliance-outcome model skipped: {error}")
        return None


CONTRACT_FIELDS = [
    "client_id",
    "session",
    "status",
    "expected",
    "lower",
    "upper",
    "reliable_change",
    "category",
    "deviation",
    "course_deviation",
    "projected_change",
    "band_status",
]


def as_contract(placements: pd.DataFrame, model: AllianceOutcomeModel | None) -> dict:
    """The stable JSON shape of `alliance analyze --format json`."""
    clients = placements[CONTRACT_FIELDS].to_dict("records")
    return {"alliance_outcome": _effects_contract(model), "clients": clients}


def _effects_contract(model: AllianceOutcomeModel | None) -> dict | None:
    if model is None:
        return None
    return {
        "within": model.within_.as_dict(),
        "between": model.between_.as_dict(),
        "n_clients": model.n_clients_,
        "n_sessions": model.n_sessions_,
    }


def _print_contract(placements: pd.DataFrame, model: AllianceOutcomeModel | None) -> None:
    """What print_json(as_contract(...)) prints, written column by column (_analyze_json.py)."""
    head = {"alliance_outcome": _effects_contract(model)}
    for piece in contract_json(head, "clients", placements[CONTRACT_FIELDS]):
        click.echo(piece, nl=False)
    click.echo()


def _as_table(
    recovery: ExpectedRecovery, placements: pd.DataFrame, model: AllianceOutcomeModel | None
) -> str:
    lines = [*recovery.notes_]
    lines.append(model.reading() if model is not None else "Alliance-outcome model: too few data.")
    shown = placements[CLIENT_COLUMNS].round(1)
    end = recovery.persistence_.end_session
    lines.append(
        f"projected_change: change from intake the course so far points to by session "
        f"{end:g} (the clinic's typical length); below 0 is better."
    )
    return "\n".join([*lines, "", shown.to_string(index=False)])
