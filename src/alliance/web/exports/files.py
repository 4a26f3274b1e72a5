"""The export files: the interchange answers (CSV or Parquet) with their data dictionary."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from alliance.measures import get_instrument

from .interchange import COLUMNS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMN_MEANINGS = {
    "client_id": "the client's code (or the study's pseudonym in a research export)",
    "session": "the session's number for this client, from 1",
    "instrument": "the instrument's id (docs/instruments.md)",
    "item": "the item's id within the instrument (a goal's id for goal-progress)",
    "value": "the answer: a whole number for scored items, text for free-text items",
    "respondent": "client or therapist",
    "therapist_id": "the therapist's username (or the study's pseudonym)",
    "date": "the session's date, YYYY-MM-DD",
    "language": "the language the questions were shown in (en, es); empty when not known",
}


def escape_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(table: pd.DataFrame) -> bytes:
    return table.map(escape_cell).to_csv(index=False).encode()


def parquet_bytes(table: pd.DataFrame) -> bytes:
    typed = table.astype({"session": "int64"}) if len(table) else table.astype(str)
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(typed, preserve_index=False), buffer)
    return buffer.getvalue()


def dictionary(table: pd.DataFrame) -> pd.DataFrame:
    """One row per column, then one per item of each instrument in the export."""
    rows = [
        {
            "name": name,
            "instrument": "",
            "item": "",
            "meaning": COLUMN_MEANINGS[name],
            "answers": "",
        }
        for name in COLUMNS
    ]
    for instrument_id in sorted(set(table["instrument"])):
        rows += _items(get_instrument(instrument_id))
    return pd.DataFrame(rows)


def _items(instrument) -> list[dict]:
    return [
        {
            "name": "value",
            "instrument": instrument.id,
            "item": item.id,
            "meaning": f"{item.label} ({item.dimension}, {item.kind})",
            "answers": "; ".join(f"{o.value}={o.label}" for o in item.options),
        }
        for item in instrument.items
    ]


def export_zip(table: pd.DataFrame, fmt: str) -> bytes:
    """answers.csv or answers.parquet, and data-dictionary.csv, in one zip file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if fmt == "parquet":
            archive.writestr("answers.parquet", parquet_bytes(table))
        else:
            archive.writestr("answers.csv", csv_bytes(table))
        archive.writestr("data-dictionary.csv", csv_bytes(dictionary(table)))
    return buffer.getvalue()
