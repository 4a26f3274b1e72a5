"""The JSON of `alliance analyze --format json` written column by column.

`print_json` walks one dict per client through Python's indenting encoder, a few microseconds a
value: most of the command's time at a million clients. Here each column becomes its JSON text
at once (numbers through integer arithmetic and Arrow, each distinct text encoded once), and
Arrow joins the fields into records. The text is that of `print_json(as_contract(...))`, byte for
byte (tests/cli/test_analyze_output_unchanged.py): floats rounded to 4 places as Python's round
does, whole floats as integers, missing values as null.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._output import plain

RECORDS_PER_CHUNK = 100_000
PLACES = 4  # the decimals plain() keeps
NULL = pa.scalar("null")
LARGEST = 1e11  # below this, 4 decimals keep within the 15 digits a double holds exactly


def contract_json(head: dict, key: str, records: pd.DataFrame) -> Iterator[str]:
    """The text of json.dumps(plain({**head, key: records as dicts}), indent=2), in pieces."""
    opening = json.dumps(plain(head), indent=2, ensure_ascii=False)
    if not len(records):
        yield opening[:-2] + f",\n  {json.dumps(key)}: []\n}}"
        return
    yield opening[:-2] + f",\n  {json.dumps(key)}: [\n"
    for start in range(0, len(records), RECORDS_PER_CHUNK):
        if start:
            yield ",\n"
        yield _records_text(records.iloc[start : start + RECORDS_PER_CHUNK])
    yield "\n  ]\n}"


def _records_text(records: pd.DataFrame) -> str:
    pieces: list[pa.Array | pa.Scalar] = []
    for n, name in enumerate(records.columns):
        lead = "    {\n" if n == 0 else ",\n"
        pieces += [pa.scalar(f"{lead}      {json.dumps(name)}: "), column_text(records[name])]
    joined = pc.binary_join_element_wise(*pieces, pa.scalar("\n    }"), "")
    return ",\n".join(joined.to_pylist())


def column_text(column: pd.Series) -> pa.Array:
    """Each value of a column as print_json writes it."""
    if column.isna().any() and not pd.api.types.is_float_dtype(column.dtype):
        return _each_distinct(column)
    if pd.api.types.is_bool_dtype(column.dtype):
        return pc.take(pa.array(["false", "true"]), pa.array(column.to_numpy(dtype=np.int8)))
    if pd.api.types.is_integer_dtype(column.dtype):
        return pc.cast(pa.array(column.to_numpy()), pa.string())
    if pd.api.types.is_float_dtype(column.dtype):
        return float_text(column.to_numpy(dtype=float))
    return _each_distinct(column)


def _each_distinct(column: pd.Series) -> pa.Array:
    """Text: each distinct value encoded once, missing as null; any other column value by value
    (1 and True are one value to a hash, not to JSON)."""
    if pd.api.types.infer_dtype(column, skipna=True) not in ("string", "empty"):
        return pa.array([_one(value) for value in column.tolist()], pa.string())
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    texts = pa.array([_one(value) for value in uniques], pa.string())
    found = pc.take(texts, pa.array(codes, mask=codes < 0))
    return pc.fill_null(found, NULL)


def _one(value: object) -> str:
    return json.dumps(plain(value), ensure_ascii=False)


def float_text(values: np.ndarray) -> pa.Array:
    """Floats as plain() and json write them: NaN null, whole values as integers, others rounded
    to 4 places (Python's correctly rounded round, then its shortest repr)."""
    plain_range = np.abs(values) < LARGEST  # False for NaN and infinities
    finite = np.where(plain_range, values, 0.0)
    whole = plain_range & (finite == np.floor(finite))
    scaled = finite * 10.0**PLACES
    # scaled is off the exact value by at most half an ulp: near a tie the rounding could differ
    near_tie = np.abs(scaled - np.floor(scaled) - 0.5) <= 2 * np.abs(np.spacing(scaled))
    by_python = ~np.isnan(values) & ~(plain_range & ~near_tie)
    text = pc.if_else(
        pa.array(whole),
        pc.cast(pa.array(np.where(whole, finite, 0.0).astype(np.int64)), pa.string()),
        _rounded_text(scaled, np.signbit(values)),
    )
    text = pc.if_else(pa.array(np.isnan(values)), NULL, text)
    if by_python.any():
        where = np.flatnonzero(by_python)
        fixed = pa.array([_one(float(v)) for v in values[where]], pa.string())
        text = pc.replace_with_mask(text, pa.array(by_python), fixed)
    return text


def _rounded_text(scaled: np.ndarray, negative: np.ndarray) -> pa.Array:
    """k / 10**4 in fixed notation with its trailing zeros dropped (at least one decimal), for
    k = scaled rounded half to even: the repr of Python's round(value, 4) below LARGEST."""
    digits = pc.utf8_lpad(
        pc.cast(pa.array(np.abs(np.rint(scaled)).astype(np.int64)), pa.string()),
        width=PLACES + 1,
        padding="0",
    )
    whole = pc.utf8_slice_codeunits(digits, start=0, stop=-PLACES)
    decimals = pc.utf8_rtrim(pc.utf8_slice_codeunits(digits, start=-PLACES), characters="0")
    decimals = pc.if_else(pc.equal(pc.utf8_length(decimals), 0), pa.scalar("0"), decimals)
    sign = pc.if_else(pa.array(negative), pa.scalar("-"), pa.scalar(""))
    return pc.binary_join_element_wise(sign, whole, pa.scalar("."), decimals, "")
