"""Score instruments: one administration at a time, or a whole answer table at once.

Both paths fill an (administrations x items) matrix and hand it to the same scorer, so a check-in
scored in the web app and a million rows scored by a researcher give the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .model import Instrument
from .registry import UnknownInstrumentError, get_instrument

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
    prorated: tuple[str, ...] = ()  # scales scored from fewer items than they hold


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
    prorated = tuple(
        scale.id
        for scale in inst.scales
        if scores[scale.id] is not None
        and not inst.open_items
        and np.isnan(matrix[0, [columns[i] for i in scale.items]]).any()
    )
    return Score(
        inst.id,
        scores,
        result.bands[0],
        result.flags[0],
        bool(result.complete[0]),
        withheld,
        prorated,
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
    return score, _withheld_reasons(scale, too_many, missing, n_answered)


def _withheld_reasons(scale, too_many, missing, n_answered) -> np.ndarray:
    """Why each withheld score is withheld ("" where it is not), one text per missing count."""
    reasons = np.full(len(missing), "", dtype=object)
    n_items = int(missing[0] + n_answered[0]) if len(missing) else 0
    kind = np.where(too_many, np.where(n_answered > 0, missing, -1), -2)
    for count in np.unique(kind[too_many]):
        reasons[kind == count] = (
            "no items answered"
            if count == -1
            else f"{count} of {n_items} items missing; at most {scale.max_missing} allowed"
        )
    return reasons


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
    checked = [f for f in inst.flags if f.item in index or f.when == "unanswered"]
    raised = np.zeros((matrix.shape[0], len(checked)), dtype=bool)
    anything_answered = (~np.isnan(matrix)).any(axis=1)
    with np.errstate(invalid="ignore"):
        for n, flag in enumerate(checked):
            # an item absent from the whole table was left unanswered in every row
            column = (
                matrix[:, index[flag.item]] if flag.item in index else np.full(len(matrix), np.nan)
            )
            if flag.when == "unanswered":
                raised[:, n] = anything_answered & np.isnan(column)
            else:
                raised[:, n] = column > flag.above
    return _tuples_of(raised, [flag.id for flag in checked])


def _tuples_of(marked: np.ndarray, names: list[str]) -> list[tuple[str, ...]]:
    """Per row, the names whose column is marked, in column order (one tuple per pattern)."""
    if not names:
        return [()] * marked.shape[0]
    codes, patterns = pd.factorize(marked @ (1 << np.arange(len(names), dtype=np.int64)))
    found = np.empty(len(patterns), dtype=object)
    found[:] = [tuple(n for i, n in enumerate(names) if int(p) >> i & 1) for p in patterns]
    return found[codes].tolist()


# ---------------------------------------------------------------- whole tables


def score_answers(answers: pd.DataFrame) -> pd.DataFrame:
    """Score a long table of answers (the interchange format) to one row per administration.

    Columns in: client_id, session, instrument, item, value, and optionally respondent (default
    'client'), therapist_id and date. Columns out: the keys, therapist_id and date when given, one
    column per scale (NaN where withheld or not part of that instrument), band, flags, complete,
    withheld (the scale ids withheld for too many missing items).

    Every key column is encoded to integers once for the whole table; each instrument then works
    on integer positions only, so no text column is copied per instrument or per administration.
    """
    table = _prepare(answers)
    if table["instrument"].isna().any():
        _refuse_blank_keys(table)
    encoded = _Encoded.of(table)
    parts = [
        _score_instrument(table, encoded, str(name), positions)
        for name, positions in encoded.instruments()
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


@dataclass
class _Encoded:
    """The table's keys as integers: instrument, item and administration (client, session and
    respondent; -1 where one is blank), and the values as numbers with their blanks."""

    instrument: np.ndarray
    instrument_names: np.ndarray
    item: np.ndarray
    item_names: np.ndarray
    administration: np.ndarray
    values: np.ndarray
    blank: np.ndarray

    @classmethod
    def of(cls, table: pd.DataFrame) -> _Encoded:
        instrument, instrument_names = pd.factorize(table["instrument"])
        item, item_names = pd.factorize(table["item"])
        values = numeric(table["value"]).to_numpy(dtype=float)
        return cls(
            instrument,
            np.asarray(instrument_names, dtype=object),
            item,
            np.asarray(item_names, dtype=object),
            _administration_codes(table),
            values,
            _blank(table["value"], values),
        )

    def instruments(self):
        """(name, row positions in table order) per instrument, in order of first appearance."""
        order = np.argsort(self.instrument, kind="stable")
        bounds = np.searchsorted(self.instrument[order], np.arange(len(self.instrument_names) + 1))
        for n, name in enumerate(self.instrument_names):
            yield name, order[bounds[n] : bounds[n + 1]]


def _administration_codes(table: pd.DataFrame) -> np.ndarray:
    """One integer per (client, session, respondent), -1 where any of them is blank."""
    within = [key for key in KEYS if key != "instrument"]
    code = np.zeros(len(table), dtype=np.int64)
    blank = np.zeros(len(table), dtype=bool)
    for key in within:
        codes, uniques = pd.factorize(table[key])
        code = code * (len(uniques) + 1) + codes
        blank |= codes < 0
    return np.where(blank, -1, code)


def numeric(column: pd.Series) -> pd.Series:
    """pd.to_numeric(errors="coerce"), parsing each distinct text once: answer tables repeat a
    few values ("0" to "10", session numbers) a million times."""
    if pd.api.types.is_numeric_dtype(column.dtype):
        return pd.to_numeric(column, errors="coerce")
    try:
        codes, uniques = pd.factorize(column)
    except TypeError:  # unhashable junk (a list), refused as a value anyway
        return pd.to_numeric(column, errors="coerce")
    parsed = pd.to_numeric(pd.Series(uniques, dtype=object), errors="coerce").to_numpy(float)
    values = np.where(codes < 0, np.nan, parsed[np.maximum(codes, 0)] if len(parsed) else np.nan)
    return pd.Series(values, index=column.index)


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
    sessions = numeric(table["session"])
    bad = sessions.isna() | (sessions % 1 != 0)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise ScoringError(
            f"session {table['session'].iloc[row]!r} is not a whole number",
            instrument=str(table["instrument"].iloc[row]),
            row=row + 1,
        )


def _score_instrument(
    table: pd.DataFrame, encoded: _Encoded, instrument_id: str, rows: np.ndarray
) -> pd.DataFrame:
    try:
        inst = get_instrument(instrument_id)
    except UnknownInstrumentError as error:
        raise ScoringError(str(error), instrument=instrument_id, row=int(rows[0]) + 1) from None
    rows = _drop_text_items(inst, encoded, rows)
    column, columns = _item_columns(inst, encoded, rows)
    values = _table_values(inst, table, encoded, rows, column)
    group = _administrations(table, encoded, rows)
    _refuse_duplicates(inst, encoded, rows, group, column)
    matrix = np.full((int(group.max()) + 1 if len(group) else 0, len(columns)), np.nan)
    matrix[group, column] = values
    result = _score_matrix(inst, matrix, columns)
    return _result_frame(table, rows, group, result)


def _drop_text_items(inst: Instrument, encoded: _Encoded, rows: np.ndarray) -> np.ndarray:
    text_items = [item.id for item in inst.items if item.kind == "text"]
    if not text_items:
        return rows
    text_codes = np.flatnonzero(np.isin(encoded.item_names, text_items))
    return rows[~np.isin(encoded.item[rows], text_codes)]


def _administrations(table: pd.DataFrame, encoded: _Encoded, rows: np.ndarray) -> np.ndarray:
    """Number each administration (first seen, first numbered); a missing key is refused."""
    keys = encoded.administration[rows]
    if (keys < 0).any():
        _refuse_blank_keys(table.iloc[rows])
    return pd.factorize(keys)[0].astype(np.intp)


def _item_columns(
    inst: Instrument, encoded: _Encoded, rows: np.ndarray
) -> tuple[np.ndarray, list[str]]:
    codes, seen = pd.factorize(encoded.item[rows])
    if len(seen) and seen.min() < 0:
        raise ScoringError(
            "item is empty", instrument=inst.id, row=int(rows[np.argmax(seen[codes] < 0)]) + 1
        )
    uniques = [str(name) for name in encoded.item_names[seen]]
    if inst.open_items:
        return codes, uniques
    positions = {item.id: n for n, item in enumerate(inst.scored_items)}
    unknown = [n for n, item in enumerate(uniques) if item not in positions]
    if unknown:
        row = int(rows[np.argmax(codes == unknown[0])])
        raise ScoringError(
            "no such item", instrument=inst.id, item=uniques[unknown[0]], row=row + 1
        )
    lookup = np.array([positions[item] for item in uniques], dtype=np.intp)
    return lookup[codes], [item.id for item in inst.scored_items]


def _table_values(
    inst: Instrument, table: pd.DataFrame, encoded: _Encoded, rows: np.ndarray, column: np.ndarray
) -> np.ndarray:
    values, blank = encoded.values[rows], encoded.blank[rows]
    items = [inst.item(i) for i in _column_ids(inst, column)]
    low = min(min(item.values) for item in items)
    valid = _validity_table(items, low)
    offset = np.where(np.isnan(values), -1, values - low)
    with np.errstate(invalid="ignore"):  # inf % 1 is NaN, and inf is refused anyway
        whole = np.isfinite(values) & (values % 1 == 0) & (offset >= 0) & (offset < valid.shape[1])
    ok = blank | whole
    ok[whole] = valid[column[whole], offset[whole].astype(np.intp)]
    if not ok.all():
        bad = int(rows[np.flatnonzero(~ok)[0]])
        item_id = str(table["item"].iloc[bad])
        raw = table["value"].iloc[bad]
        allowed = ", ".join(str(v) for v in inst.item(item_id).values)
        raise ScoringError(
            f"value {raw!r} is not one of {allowed}",
            instrument=inst.id,
            item=item_id,
            value=raw,
            row=bad + 1,
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


def _column_ids(inst: Instrument, column: np.ndarray) -> list[str]:
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
    inst: Instrument, encoded: _Encoded, rows: np.ndarray, group: np.ndarray, column: np.ndarray
) -> None:
    pair = group.astype(np.int64) * (int(column.max()) + 1 if len(column) else 1) + column
    duplicated = pd.Series(pair).duplicated().to_numpy()
    if duplicated.any():
        bad = int(rows[np.flatnonzero(duplicated)[0]])
        raise ScoringError(
            "answered twice in the same administration",
            instrument=inst.id,
            item=str(encoded.item_names[encoded.item[bad]]),
            row=bad + 1,
        )


def _result_frame(
    table: pd.DataFrame, rows: np.ndarray, group: np.ndarray, result: _MatrixScores
) -> pd.DataFrame:
    _, first = np.unique(group, return_index=True)
    extras = [c for c in EXTRA_COLUMNS if c in table]
    frame = table.iloc[rows[first]][KEYS + extras].reset_index(drop=True)
    for scale_id, values in result.scores.items():
        frame[scale_id] = values
    frame["band"] = result.bands
    frame["flags"] = result.flags
    frame["complete"] = result.complete
    withheld = np.column_stack([reasons != "" for reasons in result.withheld.values()])
    frame["withheld"] = _tuples_of(withheld, list(result.withheld))
    return frame
