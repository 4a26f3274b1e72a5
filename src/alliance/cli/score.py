"""`alliance score FILE`: score item-level answers in the interchange format.

FILE is a CSV, a Parquet file or a folder of Parquet files. It is read and scored in chunks of
whole clients (when each client's rows are together, as exports write them), and each chunk is
printed as soon as it is scored, so memory stays bounded whatever the size; a progress bar shows
on a terminal.
"""

from __future__ import annotations

import io
import json
import sys
import textwrap

import click
import numpy as np
import pandas as pd
from tqdm import tqdm

from alliance.interop.sources import client_chunks, column_names, count_rows
from alliance.interop.tables import ANSWER_COLUMNS, TableError, require_columns
from alliance.measures import ScoringError, get_instrument, score_answers

from ._output import FORMAT_OPTION, fail, plain
from ._score_csv import csv_fields, joined, joined_flags

KEYS = ["client_id", "session", "instrument", "respondent"]
LONG_COLUMNS = [*KEYS, "scale", "score", "band", "flags", "complete"]


@click.command("score")
@click.argument("path", type=click.Path())
@FORMAT_OPTION
def command(path: str, fmt: str) -> None:
    """Score FILE (CSV or Parquet: client_id,session,instrument,item,value[,respondent,...])."""
    printer = PRINTERS[fmt]()
    try:
        require_columns(pd.DataFrame(columns=column_names(path)), ANSWER_COLUMNS, source=path)
        with tqdm(total=count_rows(path), unit=" rows", disable=None, file=sys.stderr) as bar:
            for offset, answers in client_chunks(path):
                printer.add(_scored(answers, offset))
                bar.update(len(answers))
    except (TableError, ScoringError) as error:
        fail(str(error))
    printer.finish()


def _scored(answers: pd.DataFrame, offset: int) -> pd.DataFrame:
    """The chunk's scores; an error names the row of the file, not of the chunk."""
    try:
        return score_answers(answers)
    except ScoringError as error:
        if error.row is None or not offset:
            raise
        text = str(error).replace(f"row {error.row}", f"row {error.row + offset}", 1)
        raise TableError(text) from None


class CsvPrinter:
    def __init__(self) -> None:
        self.header = True

    def add(self, scored: pd.DataFrame) -> None:
        if len(scored) or self.header:
            click.echo(_long_csv(scored, header=self.header), nl=False)
            self.header = False

    def finish(self) -> None:
        if self.header:
            self.add(pd.DataFrame(columns=[*KEYS, "flags", "complete"]))


class JsonPrinter:
    """The same text as one json.dumps(records, indent=2) of every record, written as it comes."""

    def __init__(self) -> None:
        self.count = 0

    def add(self, scored: pd.DataFrame) -> None:
        for record in to_records(scored):
            text = json_text(record)
            click.echo(("[\n" if not self.count else ",\n") + textwrap.indent(text, "  "), nl=False)
            self.count += 1

    def finish(self) -> None:
        click.echo("\n]" if self.count else "[]")


class TablePrinter:
    """Aligned columns, aligned within each chunk of clients (one chunk for most files)."""

    def __init__(self) -> None:
        self.header = True

    def add(self, scored: pd.DataFrame) -> None:
        if len(scored):
            frame = _long_frame(scored).astype(object).fillna("")
            click.echo(frame.to_string(index=False, header=self.header))
            self.header = False

    def finish(self) -> None:
        if self.header:
            click.echo("no answers to score")


PRINTERS = {"csv": CsvPrinter, "json": JsonPrinter, "table": TablePrinter}


def json_text(record: dict) -> str:
    return json.dumps(plain(record), indent=2, ensure_ascii=False)


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
        flags=np.repeat(joined_flags(own["flags"]), each),
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


def _long_csv(scored: pd.DataFrame, *, header: bool = True) -> str:
    """The long frame as pandas' to_csv writes it; joined by Arrow when no field needs quoting."""
    fields = csv_fields(scored)
    if fields is None:
        buffer = io.StringIO()
        _long_frame(scored).to_csv(buffer, index=False, header=header)
        return buffer.getvalue()
    return (",".join(LONG_COLUMNS) + "\n" if header else "") + joined(fields)
