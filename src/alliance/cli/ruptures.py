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
    records = to_records(events)
    if fmt == "json":
        # not print_json: depth stays a float (2.0, not 2), as the contract promises
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(_csv(records), nl=False)
    else:
        click.echo(applied)
        click.echo(_table(records))


def _found(count: int) -> str:
    return "no ruptures found" if count == 0 else f"{count} event{'s' if count > 1 else ''} found"


def to_records(events: pd.DataFrame) -> list[dict]:
    """The events as plain dicts in the stable JSON contract."""
    return [
        {
            "client_id": str(row["client_id"]),
            "onset_session": int(row["onset_session"]),
            "lowest_session": int(row["lowest_session"]),
            "depth": _rounded(row["depth"]),
            "depth_sd": _rounded(row["depth_sd"]),
            "dimensions": list(row["dimensions"]),
            "rule": row["rule"],
            "repaired": row["repaired"],
            "repair_session": None if row["repaired"] is not True else int(row["repair_session"]),
        }
        for row in events.to_dict("records")
    ]


def _rounded(value: float) -> float | None:
    return None if pd.isna(value) else round(float(value), 2)


def _flat(records: list[dict]) -> pd.DataFrame:
    rows = [{**record, "dimensions": ";".join(record["dimensions"])} for record in records]
    frame = pd.DataFrame(rows, columns=EVENT_KEYS)
    return frame.astype({"repair_session": "Int64", "repaired": object})


def _csv(records: list[dict]) -> str:
    buffer = io.StringIO()
    _flat([plain(record) for record in records]).to_csv(buffer, index=False)
    return buffer.getvalue()


def _table(records: list[dict]) -> str:
    if not records:
        return "no ruptures found"
    return _flat(records).to_string(index=False)
