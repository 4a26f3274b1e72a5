"""`alliance score FILE.csv`: score item-level answers in the interchange format."""

from __future__ import annotations

import io

import click
import numpy as np
import pandas as pd

from alliance.interop.tables import TableError, read_answers
from alliance.measures import ScoringError, get_instrument, score_answers

from ._output import FORMAT_OPTION, fail, plain, print_json

KEYS = ["client_id", "session", "instrument", "respondent"]
LONG_COLUMNS = [*KEYS, "scale", "score", "band", "flags", "complete"]


@click.command("score")
@click.argument("path", type=click.Path(dir_okay=False))
@FORMAT_OPTION
def command(path: str, fmt: str) -> None:
    """Score FILE.csv (client_id,session,instrument,item,value[,respondent,therapist_id,date])."""
    try:
        scored = score_answers(read_answers(path))
    except (TableError, ScoringError) as error:
        fail(str(error))
    if fmt == "json":
        print_json(to_records(scored))
    elif fmt == "csv":
        click.echo(_long_csv(scored), nl=False)
    else:
        click.echo(
            _long_frame(scored).astype(object).fillna("").to_string(index=False)
            if len(scored)
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


def _long_frame(scored: pd.DataFrame) -> pd.DataFrame:
    """One row per administration and scale of its instrument, in the scored order.

    Built column by column (no Python per row except to round the fractional scores), so a
    million answer rows print in about the time pandas takes to write them.
    """
    parts = [_instrument_rows(scored, instrument) for instrument in scored["instrument"].unique()]
    if not parts:
        return pd.DataFrame(columns=LONG_COLUMNS, dtype=object)
    long = pd.concat(parts, ignore_index=True)
    order = np.argsort(long.pop("row").to_numpy(), kind="stable")
    return long.iloc[order].reset_index(drop=True)


def _instrument_rows(scored: pd.DataFrame, instrument: str) -> pd.DataFrame:
    """Its administrations' rows, each repeated once per scale (row by row, scales in order)."""
    rows = np.flatnonzero((scored["instrument"] == instrument).to_numpy())
    own, scales = scored.iloc[rows], get_instrument(instrument).scale_ids
    each = len(scales)
    is_total = np.tile(np.array(scales) == "total", len(own))
    band = np.repeat(own["band"].to_numpy(dtype=object), each)
    frame = pd.DataFrame({key: np.repeat(own[key].to_numpy(), each) for key in KEYS})
    frame["session"] = frame["session"].astype(int)
    return frame.assign(
        scale=np.tile(np.array(scales, dtype=object), len(own)),
        # an object column keeps whole scores as ints, so they print as 39 rather than 39.0
        score=_plain_scores(own[list(scales)].to_numpy(dtype=float).ravel()),
        band=np.where(is_total, band, None),
        flags=np.repeat(_joined_flags(own["flags"]), each),
        complete=np.repeat(own["complete"].to_numpy(dtype=bool), each),
        row=np.repeat(rows, each),
    )


def _plain_scores(values: np.ndarray) -> np.ndarray:
    """As _output.plain does one by one: NaN to None, whole to int, else rounded to 4 places."""
    found = np.full(len(values), None, dtype=object)
    finite = np.isfinite(values)
    whole = finite & (np.mod(values, 1, where=finite, out=np.ones_like(values)) == 0)
    found[whole] = values[whole].astype(np.int64).astype(object)
    fractional = finite & ~whole
    found[fractional] = [round(value, 4) for value in values[fractional].tolist()]
    return found


def _joined_flags(flags: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(flags.map(tuple))
    return np.array([";".join(found) for found in uniques], dtype=object)[codes]


def _long_csv(scored: pd.DataFrame) -> str:
    buffer = io.StringIO()
    _long_frame(scored).to_csv(buffer, index=False)
    return buffer.getvalue()
