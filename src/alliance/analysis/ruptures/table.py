"""Check a session-level table and turn it into sorted arrays, one row per client and session."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .numbers import plain_numbers

REQUIRED = ["client_id", "session", "alliance"]
OPTIONAL = ["goal", "task", "bond", "therapist_alliance", "rupture_reported"]


class RuptureInputError(ValueError):
    """A session table that cannot be analysed; the message names column, row and problem."""


@dataclass(frozen=True)
class Sessions:
    """A checked session table as arrays sorted by client, then session."""

    frame: pd.DataFrame  # the checked rows in that order, with a fresh index
    client: np.ndarray  # integer code per row, ascending in blocks
    position: np.ndarray  # 0 for each client's first session, 1 for the next, ...
    length: np.ndarray  # how many sessions the row's client has
    start: np.ndarray  # the row index of the client's first session
    # each column read as floats once per fit (read only, so no rule can change another's)
    _floats: dict[str, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    @property
    def n(self) -> int:
        return len(self.client)

    def column(self, name: str) -> np.ndarray | None:
        """A numeric column as floats (NaN where missing), or None when the table lacks it."""
        return self.required(name) if name in self.frame else None

    def required(self, name: str) -> np.ndarray:
        """A numeric column that the checks have made sure is there (KeyError if not)."""
        if name not in self._floats:
            values = self.frame[name].to_numpy(dtype=float, copy=True)
            values.flags.writeable = False
            self._floats[name] = values
        return self._floats[name]

    def shift(self, values: np.ndarray, steps: int) -> np.ndarray:
        """values[i + steps] from the same client's series, NaN where there is no such session."""
        target = self.position + steps
        inside = (target >= 0) & (target < self.length)
        rows = np.where(inside, np.arange(self.n) + steps, 0)
        return np.where(inside, values[rows] if self.n else values, np.nan)


def check_sessions(table: pd.DataFrame) -> Sessions:
    """Validate the columns and rows, then sort; RuptureInputError names the first problem found."""
    if not isinstance(table, pd.DataFrame):
        raise RuptureInputError(
            f"expected a pandas DataFrame of sessions, got {type(table).__name__}"
        )
    missing = [column for column in REQUIRED if column not in table.columns]
    if missing:
        raise RuptureInputError(
            f"missing column(s) {', '.join(missing)}; a session table needs {', '.join(REQUIRED)}"
        )
    frame = table[[c for c in REQUIRED + OPTIONAL if c in table.columns]].reset_index(drop=True)
    frame = _numeric(frame)
    _check_client_ids(frame)
    _check_duplicates(frame)
    return _sorted(frame)


def _numeric(frame: pd.DataFrame) -> pd.DataFrame:
    converted = {}
    for column in frame.columns.drop("client_id"):
        if _already_numbers(frame[column]):
            continue  # nothing to convert or to refuse (the app's tables)
        converted[column] = _parsed(frame[column], whole=column == "session")
    return frame.assign(**converted) if converted else frame


def _already_numbers(column: pd.Series) -> bool:
    """Floats already, or whole session numbers already (int64 has no gaps)."""
    return column.dtype == (np.int64 if column.name == "session" else np.float64)


def _parsed(column: pd.Series, *, whole: bool) -> np.ndarray:
    """The column as numbers (int64 for sessions), or RuptureInputError naming the first bad row."""
    already = _whole_numbers(column) if whole else None
    if already is not None:
        return already
    plain = plain_numbers(column, whole=whole)
    if plain is not None:
        return plain
    values = pd.to_numeric(column, errors="coerce")
    bad = values.isna() & column.notna()
    if whole:
        bad |= column.isna() | (values % 1 != 0)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        what = "a whole number" if whole else "a number"
        raise RuptureInputError(
            f"column {column.name}, row {row + 1}: {column.iloc[row]!r} is not {what}"
        )
    return values.astype("int64" if whole else "float64").to_numpy()


def _whole_numbers(column: pd.Series) -> np.ndarray | None:
    """An integer column without gaps as it is (the app's tables), else None."""
    if pd.api.types.is_integer_dtype(column.dtype) and not column.hasnans:
        return column.to_numpy(dtype="int64")
    return None


def _check_client_ids(frame: pd.DataFrame) -> None:
    if _no_blank_ids(frame["client_id"]):
        return
    blank = frame["client_id"].isna() | (frame["client_id"].astype(str).str.strip() == "")
    if blank.any():
        row = int(np.flatnonzero(blank.to_numpy())[0])
        raise RuptureInputError(f"column client_id, row {row + 1}: empty client id")


def _no_blank_ids(ids: pd.Series) -> bool:
    """True when no id is missing or blank, judged once per distinct id (the rows are searched
    only when one is)."""
    return not any(bool(pd.isna(value)) or str(value).strip() == "" for value in pd.unique(ids))


def _check_duplicates(frame: pd.DataFrame) -> None:
    if _rising(frame["session"].to_numpy()):
        return  # one client's series in order: no session is there twice
    twice = frame.duplicated(["client_id", "session"]).to_numpy()
    if twice.any():
        row = int(np.flatnonzero(twice)[0])
        client, session = frame["client_id"].iloc[row], frame["session"].iloc[row]
        raise RuptureInputError(
            f"columns client_id/session, row {row + 1}: client {client!r} "
            f"has session {session} more than once"
        )


def _rising(sessions: np.ndarray) -> bool:
    return bool(np.all(sessions[1:] > sessions[:-1]))


def _sorted(frame: pd.DataFrame) -> Sessions:
    codes, _ = pd.factorize(frame["client_id"])
    order = np.lexsort((frame["session"].to_numpy(), codes))
    if not np.array_equal(order, np.arange(len(order))):  # already in order: no copy
        frame = frame.iloc[order].reset_index(drop=True)
    client = codes[order]
    first = np.r_[True, client[1:] != client[:-1]] if len(client) else np.array([], bool)
    start_rows = np.flatnonzero(first)
    block = np.cumsum(first) - 1
    start = start_rows[block]
    lengths = np.diff(np.r_[start_rows, len(client)])
    return Sessions(frame, block, np.arange(len(client)) - start, lengths[block], start)
