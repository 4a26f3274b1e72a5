"""The table scoring as it was before the column-wise rewrite, kept to prove outputs unchanged.

Both paths fill an (administrations x items) matrix and hand it to the same scorer, so a check-in
scored in the web app and a million rows scored by a researcher give the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from alliance.measures.model import Instrument
from alliance.measures.registry import UnknownInstrumentError, get_instrument

KEYS = ["client_id", "session", "instrument", "respondent"]
EXTRA_COLUMNS = ["therapist_id", "date"]


class ScoringError(ValueError):
    """An unscorable answer: names the instrument, the item, the value and, for tables, the row."""

    def __init__(
        self,
        problem: str,
        *,
        instrument: str,
        item: str | None = None,
        value: object = None,
        row: int | None = None,
    ):
        self.instrument, self.item, self.value, self.row = instrument, item, value, row
        where = [] if row is None else [f"row {row}"]
        where.append(f"instrument {instrument}")
        if item is not None:
            where.append(f"item {item}")
        super().__init__(f"{', '.join(where)}: {problem}")


@dataclass(frozen=True)
class Score:
    """The scores of one administration."""

    instrument: str
    scores: dict[str, float | None]
    band: str | None = None
    flags: tuple[str, ...] = ()
    complete: bool = True
    withheld: dict[str, str] = field(default_factory=dict)


def _as_instrument(instrument: Instrument | str) -> Instrument:
    return instrument if isinstance(instrument, Instrument) else get_instrument(instrument)


# ---------------------------------------------------------------- one administration


def score_one(instrument: Instrument | str, answers: Mapping[str, object]) -> Score:
    """Score one administration given as {item id: value}; None or absent means unanswered."""
    inst = _as_instrument(instrument)
    columns = _columns_for(inst, [str(item) for item in answers])
    matrix = np.full((1, len(columns)), np.nan)
    for item_id, value in answers.items():
        item_id = str(item_id)
        if inst.item(item_id).kind == "text" or _unanswered(value):
            continue
        matrix[0, columns[item_id]] = _checked_value(inst, item_id, value)
    result = _score_matrix(inst, matrix, list(columns))
    scores = {scale: _plain(result.scores[scale][0]) for scale in inst.scale_ids}
    withheld = {scale: reason[0] for scale, reason in result.withheld.items() if reason[0]}
    return Score(
        inst.id, scores, result.bands[0], result.flags[0], bool(result.complete[0]), withheld
    )


def _columns_for(inst: Instrument, seen_items: list[str]) -> dict[str, int]:
    if inst.open_items:
        return {item: n for n, item in enumerate(dict.fromkeys(seen_items))}
    for item_id in seen_items:
        try:
            inst.item(item_id)
        except KeyError:
            raise ScoringError("no such item", instrument=inst.id, item=item_id) from None
    return {item.id: n for n, item in enumerate(inst.scored_items)}


def _unanswered(value: object) -> bool:
    """None, NaN and blank text mean unanswered, as they do in an answer table."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    return isinstance(value, float) and np.isnan(value)


def _checked_value(inst: Instrument, item_id: str, value: object) -> float:
    item = inst.item(item_id)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        number = float("nan")
    if number not in item.values:
        allowed = ", ".join(str(v) for v in item.values)
        raise ScoringError(
            f"value {value!r} is not one of {allowed}",
            instrument=inst.id,
            item=item_id,
            value=value,
        )
    return inst.item(item_id).low + item.high - number if item.reversed else number


def _plain(value: float) -> float | None:
    if np.isnan(value):
        return None
    return int(value) if float(value).is_integer() else round(float(value), 4)


# ---------------------------------------------------------------- the shared scorer


@dataclass
class _MatrixScores:
    scores: dict[str, np.ndarray]
    withheld: dict[str, np.ndarray]
    bands: list[str | None]
    flags: list[tuple[str, ...]]
    complete: np.ndarray


def _score_matrix(inst: Instrument, matrix: np.ndarray, columns: list[str]) -> _MatrixScores:
    """Score every row of an (administrations x items) matrix whose columns are the given items."""
    index = {item: n for n, item in enumerate(columns)}
    answered = ~np.isnan(matrix)
    scores, withheld = {}, {}
    for scale in inst.scales:
        idx = list(range(len(columns))) if inst.open_items else [index[i] for i in scale.items]
        scores[scale.id], withheld[scale.id] = _scale_scores(
            scale, matrix[:, idx], answered[:, idx]
        )
    required = [index[item.id] for item in inst.scored_items if item.required and item.id in index]
    complete = answered[:, required].all(axis=1) if required else answered.any(axis=1)
    bands = _bands(inst, scores)
    flags = _flags(inst, matrix, index)
    return _MatrixScores(scores, withheld, bands, flags, complete)


def _scale_scores(scale, values: np.ndarray, answered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n_items = values.shape[1]
    n_answered = answered.sum(axis=1)
    total = np.where(answered, values, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n_answered
    # a sum is prorated over missing items
    score = mean if scale.method == "mean" else mean * n_items
    score = np.where(n_answered == n_items, total if scale.method == "sum" else mean, score)
    missing = n_items - n_answered
    too_many = (missing > scale.max_missing) | (n_answered == 0)
    score = np.where(too_many, np.nan, score)
    reasons = np.full(len(score), "", dtype=object)
    if too_many.any():
        allowed = scale.max_missing
        for row in np.flatnonzero(too_many):
            reasons[row] = (
                f"{missing[row]} of {n_items} items missing; at most {allowed} allowed"
                if n_answered[row]
                else "no items answered"
            )
    return score, reasons


def _bands(inst: Instrument, scores: dict[str, np.ndarray]) -> list[str | None]:
    if not inst.bands or inst.band_scale is None:
        return [None] * len(next(iter(scores.values()), []))
    ordered = sorted(inst.bands, key=lambda band: band.low)
    lows = np.array([band.low for band in ordered])
    names = np.array([band.name for band in ordered] + [None], dtype=object)
    values = scores[inst.band_scale]
    position = np.searchsorted(lows, values, side="right") - 1
    position = np.where(np.isnan(values) | (position < 0), len(ordered), position)
    return names[position].tolist()


def _flags(inst: Instrument, matrix: np.ndarray, index: dict[str, int]) -> list[tuple[str, ...]]:
    flags: list[tuple[str, ...]] = [()] * matrix.shape[0]
    for flag in inst.flags:
        if flag.when != "above":  # the only kind of flag there was when this code was replaced
            continue
        if flag.item not in index:
            continue
        with np.errstate(invalid="ignore"):
            raised = matrix[:, index[flag.item]] > flag.above
        for row in np.flatnonzero(raised):
            flags[row] = (*flags[row], flag.id)
    return flags


# ---------------------------------------------------------------- whole tables


def score_answers(answers: pd.DataFrame) -> pd.DataFrame:
    """Score a long table of answers (the interchange format) to one row per administration.

    Columns in: client_id, session, instrument, item, value, and optionally respondent (default
    'client'), therapist_id and date. Columns out: the keys, therapist_id and date when given, one
    column per scale (NaN where withheld or not part of that instrument), band, flags, complete,
    withheld (the scale ids withheld for too many missing items).
    """
    table = _prepare(answers)
    if table["instrument"].isna().any():
        _refuse_blank_keys(table)
    parts = [
        _score_instrument(instrument_id, rows)
        for instrument_id, rows in table.groupby("instrument", sort=False, observed=True)
    ]
    if not parts:
        return pd.DataFrame(columns=[*KEYS, "band", "flags", "complete", "withheld"])
    return pd.concat(parts, ignore_index=True)


def _prepare(answers: pd.DataFrame) -> pd.DataFrame:
    required = ["client_id", "session", "instrument", "item", "value"]
    missing = [c for c in required if c not in answers]
    if missing:
        raise ValueError(f"answer table is missing the column(s): {', '.join(missing)}")
    table = answers.reset_index(drop=True)
    if "respondent" not in table:
        table = table.assign(respondent="client")
    table = table.assign(
        instrument=table["instrument"].astype(str),
        item=table["item"].astype(str),
        respondent=table["respondent"].fillna("client").astype(str),
    )
    _check_sessions(table)
    return table


def _refuse_blank_keys(table: pd.DataFrame) -> None:
    for column in KEYS:
        blank = table[column].isna().to_numpy()
        if blank.any():
            row = int(np.flatnonzero(blank)[0])
            instrument = table["instrument"].iloc[row]
            raise ScoringError(
                f"{column} is empty",
                row=int(table.index[row]) + 1,
                instrument="(none)" if column == "instrument" else str(instrument),
            )


def _check_sessions(table: pd.DataFrame) -> None:
    sessions = pd.to_numeric(table["session"], errors="coerce")
    bad = sessions.isna() | (sessions % 1 != 0)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise ScoringError(
            f"session {table['session'].iloc[row]!r} is not a whole number",
            instrument=str(table["instrument"].iloc[row]),
            row=row + 1,
        )


def _score_instrument(instrument_id: str, rows: pd.DataFrame) -> pd.DataFrame:
    try:
        inst = get_instrument(instrument_id)
    except UnknownInstrumentError as error:
        raise ScoringError(
            str(error), instrument=instrument_id, row=int(rows.index[0]) + 1
        ) from None
    rows = _drop_text_items(inst, rows)
    column, columns = _item_columns(inst, rows)
    values = _table_values(inst, rows, column)
    group = _administrations(rows)
    _refuse_duplicates(inst, rows, group, column)
    matrix = np.full((int(group.max()) + 1 if len(group) else 0, len(columns)), np.nan)
    matrix[group, column] = values
    result = _score_matrix(inst, matrix, columns)
    return _result_frame(rows, group, result)


def _drop_text_items(inst: Instrument, rows: pd.DataFrame) -> pd.DataFrame:
    text_items = [item.id for item in inst.items if item.kind == "text"]
    return rows[~rows["item"].isin(text_items)] if text_items else rows


def _administrations(rows: pd.DataFrame) -> np.ndarray:
    """Number each administration (first seen, first numbered); a missing key is refused."""
    within = [key for key in KEYS if key != "instrument"]  # rows share one instrument already
    group = rows.groupby(within, sort=False, observed=True).ngroup()
    if group.isna().any() or (group < 0).any():  # pandas marks it -1 or NaN, by version
        _refuse_blank_keys(rows)
    return group.to_numpy(dtype=np.intp)


def _item_columns(inst: Instrument, rows: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    codes, uniques = pd.factorize(rows["item"])
    if len(codes) and codes.min() < 0:
        row = int(rows.index[np.flatnonzero(codes < 0)[0]])
        raise ScoringError("item is empty", instrument=inst.id, row=row + 1)
    if inst.open_items:
        return codes, list(uniques)
    positions = {item.id: n for n, item in enumerate(inst.scored_items)}
    unknown = [item for item in uniques if item not in positions]
    if unknown:
        row = int(rows.index[np.flatnonzero(rows["item"].to_numpy() == unknown[0])[0]])
        raise ScoringError("no such item", instrument=inst.id, item=unknown[0], row=row + 1)
    lookup = np.array([positions[item] for item in uniques], dtype=np.intp)
    return lookup[codes], [item.id for item in inst.scored_items]


def _table_values(inst: Instrument, rows: pd.DataFrame, column: np.ndarray) -> np.ndarray:
    raw = rows["value"]
    values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    blank = _blank(raw, values)
    items = [inst.item(i) for i in _column_ids(inst, rows, column)]
    low = min(min(item.values) for item in items)
    table = _validity_table(items, low)
    offset = np.where(np.isnan(values), -1, values - low)
    with np.errstate(invalid="ignore"):  # inf % 1 is NaN, and inf is refused anyway
        whole = np.isfinite(values) & (values % 1 == 0) & (offset >= 0) & (offset < table.shape[1])
    ok = blank | whole
    ok[whole] = table[column[whole], offset[whole].astype(np.intp)]
    if not ok.all():
        bad = int(np.flatnonzero(~ok)[0])
        item = inst.item(str(rows["item"].iloc[bad]))
        allowed = ", ".join(str(v) for v in item.values)
        raise ScoringError(
            f"value {raw.iloc[bad]!r} is not one of {allowed}",
            instrument=inst.id,
            item=str(rows["item"].iloc[bad]),
            value=raw.iloc[bad],
            row=int(rows.index[bad]) + 1,
        )
    return _reverse(items, column, values)


def _blank(raw: pd.Series, values: np.ndarray) -> np.ndarray:
    """Unanswered rows; non-numeric text is not blank (pandas 3 reads text as 'str', not object)."""
    if pd.api.types.is_numeric_dtype(raw.dtype):
        return np.isnan(values)
    blank = raw.isna().to_numpy(copy=True)
    candidates = np.flatnonzero(np.isnan(values) & ~blank)  # few: only what is not a number
    blank[candidates] = [isinstance(v, str) and not v.strip() for v in raw.iloc[candidates]]
    return blank


def _column_ids(inst: Instrument, rows: pd.DataFrame, column: np.ndarray) -> list[str]:
    if inst.open_items:
        return [inst.items[0].id] * (int(column.max()) + 1 if len(column) else 0)
    return [item.id for item in inst.scored_items]


def _validity_table(items, low: int) -> np.ndarray:
    high = max(max(item.values) for item in items)
    table = np.zeros((len(items), high - low + 1), dtype=bool)
    for n, item in enumerate(items):
        table[n, [v - low for v in item.values]] = True
    return table


def _reverse(items, column: np.ndarray, values: np.ndarray) -> np.ndarray:
    flips = [n for n, item in enumerate(items) if item.reversed]
    if not flips:
        return values
    mirror = np.array([item.low + item.high for item in items], dtype=float)
    flip = np.isin(column, flips)
    return np.where(flip, mirror[column] - values, values)


def _refuse_duplicates(
    inst: Instrument, rows: pd.DataFrame, group: np.ndarray, column: np.ndarray
) -> None:
    pair = group.astype(np.int64) * (int(column.max()) + 1 if len(column) else 1) + column
    duplicated = pd.Series(pair).duplicated().to_numpy()
    if duplicated.any():
        bad = int(np.flatnonzero(duplicated)[0])
        raise ScoringError(
            "answered twice in the same administration",
            instrument=inst.id,
            item=str(rows["item"].iloc[bad]),
            row=int(rows.index[bad]) + 1,
        )


def _result_frame(rows: pd.DataFrame, group: np.ndarray, result: _MatrixScores) -> pd.DataFrame:
    _, first = np.unique(group, return_index=True)
    extras = [c for c in EXTRA_COLUMNS if c in rows]
    frame = rows.iloc[first][KEYS + extras].reset_index(drop=True)
    for scale_id, values in result.scores.items():
        frame[scale_id] = values
    frame["band"] = result.bands
    frame["flags"] = result.flags
    frame["complete"] = result.complete
    frame["withheld"] = _withheld_tuples(result.withheld, len(frame))
    return frame


def _withheld_tuples(withheld: dict[str, np.ndarray], n: int) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [()] * n
    for scale_id, reasons in withheld.items():
        for row in np.flatnonzero(reasons != ""):
            out[row] = (*out[row], scale_id)
    return out
