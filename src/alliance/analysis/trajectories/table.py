"""Check a session table before any model sees it, naming the column, the row and the problem."""

from __future__ import annotations

import numpy as np
import pandas as pd

from alliance.interop.tables import TableError


def check_sessions(
    table: pd.DataFrame,
    numeric: list[str],
    *,
    client: str = "client_id",
    session: str = "session",
    source: str = "session table",
    labels: tuple[str, ...] = (),
) -> pd.DataFrame:
    """A copy with numbers as floats and sessions as whole numbers, sorted by client and session.

    labels: further text columns (such as therapist_id) that must not be empty.
    """
    missing = [c for c in [client, session, *labels, *numeric] if c not in table.columns]
    if missing:
        found = ", ".join(map(str, table.columns)) or "none"
        raise TableError(f"{source}: missing column(s) {', '.join(missing)}; found {found}")
    out = table.copy()
    for column in [client, *labels]:
        out[column] = _client_ids(out[column], column, source)
    for column in [session, *numeric]:
        out[column] = _numbers(out[column], column, source)
    _whole_positive(out[session], session, source)
    _unique_visits(out, client, session, source)
    return out.sort_values([client, session], kind="stable").reset_index(drop=True)


def _row_of(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0]) + 2  # +1 for counting from one, +1 for the header line


def _client_ids(values: pd.Series, column: str, source: str) -> pd.Series:
    blank = values.isna().to_numpy() | (values.astype(str).str.strip() == "").to_numpy()
    if blank.any():
        raise TableError(f"{source}: row {_row_of(blank)}: column {column} is empty")
    return values.astype(str)


def _numbers(values: pd.Series, column: str, source: str) -> pd.Series:
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    bad = (numbers.isna() | ~np.isfinite(numbers)).to_numpy()
    if bad.any():
        row = _row_of(bad)
        shown = values.iloc[row - 2]
        problem = "is empty" if pd.isna(shown) else f"has {shown!r}, which is not a number"
        raise TableError(f"{source}: row {row}: column {column} {problem}")
    return numbers


def _whole_positive(values: pd.Series, column: str, source: str) -> None:
    bad = ((values % 1 != 0) | (values < 1)).to_numpy()
    if bad.any():
        row = _row_of(bad)
        raise TableError(
            f"{source}: row {row}: column {column} has {values.iloc[row - 2]:g}; "
            "sessions are whole numbers from 1"
        )


def _unique_visits(table: pd.DataFrame, client: str, session: str, source: str) -> None:
    twice = table.duplicated([client, session]).to_numpy()
    if twice.any():
        row = _row_of(twice)
        raise TableError(
            f"{source}: row {row}: client {table[client].iloc[row - 2]} has session "
            f"{table[session].iloc[row - 2]:g} twice"
        )
