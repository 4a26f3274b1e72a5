"""`alliance ruptures FILE.csv`: find alliance ruptures and whether they were repaired."""

from __future__ import annotations

import io
import json

import click
import pandas as pd

from alliance.analysis.ruptures import (
    ConfigError,
    RuptureDetector,
    RuptureInputError,
    parse_rule_spec,
)
from alliance.interop.sources import read_table
from alliance.interop.tables import TableError
from alliance.measures import ScoringError

from ._output import FORMAT_OPTION, fail, plain

# The stable JSON contract: these keys, in this order.
EVENT_KEYS = [
    "client_id",
    "onset_session",
    "lowest_session",
    "depth",
    "depth_sd",
    "dimensions",
    "rule",
    "repaired",
    "repair_session",
]
FLOAT_KEYS = ("depth", "depth_sd")


@click.command("ruptures")
@click.argument("path", type=click.Path())
@click.option(
    "--rule",
    "rules",
    multiple=True,
    metavar="NAME[:param=value,...]",
    help="A rule and its settings, e.g. v-episode:k=1 (repeatable; default: the combination "
    "chosen for the columns the file holds, named on stderr).",
)
@click.option("--separate", is_flag=True, help="List each rule's events apart instead of merging.")
@FORMAT_OPTION
def command(path: str, rules: tuple[str, ...], separate: bool, fmt: str) -> None:
    """Find ruptures in FILE.csv: item-level answers or client_id,session,alliance[,...] rows."""
    try:
        chosen = [parse_rule_spec(spec) for spec in rules] or None
        detector = RuptureDetector(chosen, combine=not separate)
        events = detector.fit(read_table(path)).events_
    except (TableError, ScoringError, RuptureInputError, ConfigError) as error:
        fail(f"{path}: {error}" if not str(error).startswith(str(path)) else str(error))
    applied = f"ruptures: {detector.applied}; {_found(len(events))}"
    click.echo(applied, err=True)
    columns = _columns(events)
    if fmt == "json":
        # not print_json: depth stays a float (2.0, not 2), as the contract promises
        click.echo(json.dumps(_records(columns), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(_csv(columns), nl=False)
    else:
        click.echo(applied)
        click.echo(_table(_records(columns)))


def _found(count: int) -> str:
    return "no ruptures found" if count == 0 else f"{count} event{'s' if count > 1 else ''} found"


def to_records(events: pd.DataFrame) -> list[dict]:
    """The events as plain dicts in the stable JSON contract."""
    return _records(_columns(events))


def _columns(events: pd.DataFrame) -> dict[str, list]:
    """The contract's values column by column (a Python loop per value, none per event row)."""
    repaired = [None if value is None else bool(value) for value in events["repaired"].tolist()]
    sessions = events["repair_session"].tolist()
    return {
        "client_id": [str(value) for value in events["client_id"].tolist()],
        "onset_session": [int(value) for value in events["onset_session"].tolist()],
        "lowest_session": [int(value) for value in events["lowest_session"].tolist()],
        "depth": _rounded(events["depth"]),
        "depth_sd": _rounded(events["depth_sd"]),
        "dimensions": [list(value) for value in events["dimensions"].tolist()],
        "rule": events["rule"].tolist(),
        "repaired": repaired,
        "repair_session": [
            int(session) if done is True else None
            for done, session in zip(repaired, sessions, strict=True)
        ],
    }


def _records(columns: dict[str, list]) -> list[dict]:
    return [dict(zip(EVENT_KEYS, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _rounded(values: pd.Series) -> list[float | None]:
    return [None if pd.isna(value) else round(float(value), 2) for value in values.tolist()]


def _flat(records: list[dict]) -> pd.DataFrame:
    rows = [{**record, "dimensions": ";".join(record["dimensions"])} for record in records]
    frame = pd.DataFrame(rows, columns=EVENT_KEYS)
    return frame.astype({"repair_session": "Int64", "repaired": object})


def _csv(columns: dict[str, list]) -> str:
    # plain() turns whole floats into ints; only the two depths hold floats
    printable = {**columns, **{key: [plain(v) for v in columns[key]] for key in FLOAT_KEYS}}
    buffer = io.StringIO()
    _flat(_records(printable)).to_csv(buffer, index=False)
    return buffer.getvalue()


def _table(records: list[dict]) -> str:
    if not records:
        return "no ruptures found"
    return _flat(records).to_string(index=False)
