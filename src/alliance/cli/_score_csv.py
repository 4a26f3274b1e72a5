"""The CSV of `alliance score` built by Arrow: one line per administration and scale.

Each administration's text (its keys, band and flags) is written once and repeated by index, the
whole scores are cast by Arrow, and only fractional scores are formatted one by one by Python (as
to_csv would); the lines are then joined in C. The text is what pandas' to_csv of the long frame
gives, byte for byte (tests/cli/test_score_output_unchanged.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from alliance.measures import get_instrument

TEXT = pa.large_string()  # 64-bit offsets: a chunk's text may pass 2 GiB
NEEDS_QUOTES = r'[,"\r\n]'
KEYS = ["client_id", "session", "instrument", "respondent"]
COMPLETE = pa.array(["False", "True"], TEXT)


def as_text(column: pd.Series) -> list[str]:
    """Each value as to_csv writes it: missing as empty, numbers and booleans by str()."""
    if column.dtype == object:
        return ["" if value is None or value != value else str(value) for value in column.tolist()]
    if pd.api.types.is_string_dtype(column.dtype):
        return column.fillna("").tolist()
    return column.astype(str).tolist()


def csv_fields(scored: pd.DataFrame) -> list[pa.Array] | None:
    """The long table's columns as text in its order, or None when a field would need quoting."""
    if not len(scored):
        return []
    lines = _lines_of(scored)
    order = np.argsort(lines["row"], kind="stable")
    row = lines["row"][order]
    each = {
        key: _text(scored[key].astype(int) if key == "session" else scored[key]) for key in KEYS
    }
    band, flags = _text(scored["band"]), pa.array(joined_flags(scored["flags"]), TEXT)
    if any(_quoted(field) for field in [*each.values(), band, flags, lines["scale_names"]]):
        return None
    scale = pc.take(lines["scale_names"], pa.array(lines["scale"][order]))
    total = pa.array(lines["is_total"][order])
    return [
        *(pc.take(each[key], pa.array(row)) for key in KEYS),
        scale,
        pc.take(_score_text(lines["score"]), pa.array(order)),
        pc.if_else(total, pc.take(band, pa.array(row)), pa.scalar("", TEXT)),
        pc.take(flags, pa.array(row)),
        pc.take(COMPLETE, pa.array(scored["complete"].to_numpy(dtype=bool)[row].astype(np.int8))),
    ]


def joined(fields: list[pa.Array]) -> str:
    """Each row's fields joined by commas, one line each (joined by Arrow, not row by row)."""
    if not fields or not len(fields[0]):
        return ""
    lines = pc.binary_join_element_wise(*fields, pa.scalar(",", TEXT))
    ended = pc.binary_join_element_wise(lines, pa.scalar("", TEXT), pa.scalar("\n", TEXT))
    offsets = np.frombuffer(ended.buffers()[1], dtype=np.int64)[ended.offset :]
    return ended.buffers()[2].to_pybytes()[offsets[0] : offsets[len(ended)]].decode("utf-8")


def _lines_of(scored: pd.DataFrame) -> dict:
    """Per line, instrument by instrument: its administration's row, scale and score."""
    names: list[str] = []
    rows, scales, scores, totals = [], [], [], []
    for instrument in scored["instrument"].unique():
        at = np.flatnonzero((scored["instrument"] == instrument).to_numpy())
        ids = get_instrument(instrument).scale_ids
        rows.append(np.repeat(at, len(ids)))
        scales.append(np.tile(np.arange(len(names), len(names) + len(ids)), len(at)))
        scores.append(scored.iloc[at][list(ids)].to_numpy(dtype=float).ravel())
        totals.append(np.tile(np.array(ids) == "total", len(at)))
        names += ids
    return {
        "row": np.concatenate(rows),
        "scale": np.concatenate(scales),
        "score": np.concatenate(scores),
        "is_total": np.concatenate(totals),
        "scale_names": pa.array(names, TEXT),
    }


def _score_text(values: np.ndarray) -> pa.Array:
    """As _output.plain then str(): NaN empty, whole as an int, else rounded to 4 places."""
    finite = np.isfinite(values)
    whole = finite & (np.mod(values, 1, where=finite, out=np.ones_like(values)) == 0)
    fractional = finite & ~whole
    ints = pc.cast(pa.array(np.where(whole, values, 0).astype(np.int64)), TEXT)
    text = pc.if_else(pa.array(whole), ints, pa.scalar("", TEXT))
    distinct, each = np.unique(values[fractional], return_inverse=True)  # few distinct means
    formatted = pa.array([str(round(value, 4)) for value in distinct.tolist()], TEXT)
    return pc.replace_with_mask(text, pa.array(fractional), pc.take(formatted, pa.array(each)))


def _text(column: pd.Series) -> pa.Array:
    return pa.array(as_text(column), TEXT)


def _quoted(field: pa.Array) -> bool:
    return bool(pc.any(pc.match_substring_regex(field, NEEDS_QUOTES)).as_py())


def joined_flags(flags: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(flags.map(tuple))
    return np.array([";".join(found) for found in uniques], dtype=object)[codes]
