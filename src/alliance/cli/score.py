"""`alliance score FILE.csv`: score item-level answers in the interchange format."""

from __future__ import annotations

import io

import click
import pandas as pd

from alliance.interop.tables import TableError, read_answers
from alliance.measures import ScoringError, get_instrument, score_answers

from ._output import FORMAT_OPTION, fail, plain, print_json

KEYS = ["client_id", "session", "instrument", "respondent"]


@click.command("score")
@click.argument("path", type=click.Path(dir_okay=False))
@FORMAT_OPTION
def command(path: str, fmt: str) -> None:
    """Score FILE.csv (client_id,session,instrument,item,value[,respondent,therapist_id,date])."""
    try:
        scored = score_answers(read_answers(path))
    except (TableError, ScoringError) as error:
        fail(str(error))
    records = to_records(scored)
    if fmt == "json":
        print_json(records)
    elif fmt == "csv":
        click.echo(_long_csv(records), nl=False)
    else:
        click.echo(
            _long_frame(records).fillna("").to_string(index=False)
            if records
            else "no answers to score"
        )


def to_records(scored: pd.DataFrame) -> list[dict]:
    """One dict per administration, each with only its own instrument's scales."""
    records = []
    for row in scored.to_dict("records"):
        scales = get_instrument(row["instrument"]).scale_ids
        records.append(
            {
                "client_id": row["client_id"],
                "session": int(row["session"]),
                "instrument": row["instrument"],
                "respondent": row["respondent"],
                "scores": {scale: plain(row[scale]) for scale in scales},
                "band": row["band"],
                "flags": list(row["flags"]),
                "complete": bool(row["complete"]),
            }
        )
    return records


def _long_frame(records: list[dict]) -> pd.DataFrame:
    rows = [
        {
            **{key: record[key] for key in KEYS},
            "scale": scale,
            "score": score,
            "band": record["band"] if scale == "total" else None,
            "flags": ";".join(record["flags"]),
            "complete": record["complete"],
        }
        for record in records
        for scale, score in record["scores"].items()
    ]
    columns = [*KEYS, "scale", "score", "band", "flags", "complete"]
    # object columns keep whole scores as ints, so they print as 39 rather than 39.0
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _long_csv(records: list[dict]) -> str:
    buffer = io.StringIO()
    _long_frame(records).to_csv(buffer, index=False)
    return buffer.getvalue()
