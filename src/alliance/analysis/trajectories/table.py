"""Check a session table before any model sees it, naming the column, the row and the problem."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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
    out = table.copy(deep=False)  # copy on write: the caller's table is never changed
    for column in [client, *labels]:
        out[column] = _client_ids(out[column], column, source)
    for column in [session, *numeric]:
        out[column] = _numbers(out[column], column, source)
    _whole_positive(out[session], session, source)
    if _in_order(out[client], out[session]):  # as a checked table is: nothing to sort or repeat
        return out.reset_index(drop=True)
    _unique_visits(out, client, session, source)
    return out.sort_values([client, session], kind="stable").reset_index(drop=True)


def _in_order(clients: pd.Series, sessions: pd.Series) -> bool:
    """True when the rows already run by client and, within a client, by rising session: then
    no visit is there twice and a stable sort would leave every row where it is. Checked on
    Arrow text (its order is the code-point order pandas sorts text by); other ids say False."""
    if len(clients) < 2 or not isinstance(clients.array, pd.arrays.ArrowStringArray):
        return len(clients) < 2
    ids = pa.array(clients.array)
    ids = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    before, after = ids.slice(0, len(ids) - 1), ids.slice(1)
    same = pc.equal(before, after).to_numpy(zero_copy_only=False)
    if not pc.all(pc.less_equal(before, after)).as_py():
        return False
    steps = np.diff(sessions.to_numpy(dtype=float))
    return bool(np.all(steps[same] > 0))


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
