"""Read the interchange formats from CSV, checking the columns before any science runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

ANSWER_COLUMNS = ["client_id", "session", "instrument", "item", "value"]
# `language`: the language the questions were shown in (en, es, ...), when known
ANSWER_OPTIONAL = ["respondent", "therapist_id", "date", "language"]
TEXT_COLUMNS: dict[str, Any] = {"dtype": str, "keep_default_na": False, "na_values": [""]}


class TableError(ValueError):
    """A file that is not in the expected format; the message names the file and the problem."""


def read_csv(path: Path | str) -> pd.DataFrame:
    """Read a CSV with every column as text, so that codes like '007' keep their zeros.

    Arrow's multi-threaded reader goes first; on anything it refuses, pandas' own reader reads the
    file again, so what is accepted and the error messages stay those of pandas.
    """
    try:
        return pd.read_csv(path, engine="pyarrow", **TEXT_COLUMNS)
    except Exception:  # noqa: BLE001 - the second reader decides and explains
        return _read_csv_checked(path)


def _read_csv_checked(path: Path | str) -> pd.DataFrame:
    try:
        return pd.read_csv(path, **TEXT_COLUMNS)
    except FileNotFoundError:
        raise TableError(f"{path}: no such file") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise TableError(f"{path}: not a readable CSV file ({error})") from None


def require_columns(table: pd.DataFrame, required: list[str], *, source: str) -> None:
    missing = [column for column in required if column not in table.columns]
    if missing:
        found = ", ".join(map(str, table.columns)) or "none"
        raise TableError(f"{source}: missing column(s) {', '.join(missing)}; found {found}")


def read_answers(path: Path | str) -> pd.DataFrame:
    """Item-level answers in the interchange format (see ANSWER_COLUMNS and ANSWER_OPTIONAL),
    from CSV or Parquet (a file or a folder of them; see sources.py)."""
    from .sources import read_table  # sources reads CSV through this module

    table = read_table(path)
    require_columns(table, ANSWER_COLUMNS, source=str(path))
    return table


def is_answer_table(table: pd.DataFrame) -> bool:
    return all(column in table.columns for column in ANSWER_COLUMNS)
