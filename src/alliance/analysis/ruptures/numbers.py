"""Parse a text column of plain numbers with Arrow, which is many times faster than pandas.

Only text that both parsers read alike takes this way: numbers without a sign, such as 7, 7.5,
.5 or 7.5e-1 (whole numbers only, for sessions), finite. Both round each such number to the
nearest float, so the results are the same bit for bit. Anything else (a sign, which sends pandas
to an older parser that rounds differently past 17 digits; a space; a word; nan; inf; a number
too big) is left to pandas, so what is accepted and what is refused, and how a refusal reads,
stay exactly as before. tests/analysis/ruptures/test_numbers.py holds both to it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def plain_numbers(column: pd.Series, *, whole: bool) -> np.ndarray | None:
    """The column as float64 (int64 when whole), or None when pandas must read it."""
    text = _as_arrow_text(column)
    if text is None or (whole and text.null_count) or _any_signed(text):
        return None
    try:
        parsed = pc.cast(text, pa.int64() if whole else pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None  # not a number as Arrow reads it: pandas decides, and explains
    values = parsed.to_numpy(zero_copy_only=False)
    if whole:
        return values
    odd = np.isinf(values) | (np.isnan(values) & ~pc.is_null(text).to_numpy(zero_copy_only=False))
    return None if odd.any() else values


def _any_signed(text: pa.ChunkedArray) -> bool:
    return bool(
        pc.any(pc.starts_with(text, "+")).as_py() or pc.any(pc.starts_with(text, "-")).as_py()
    )


def _as_arrow_text(column: pd.Series) -> pa.ChunkedArray | None:
    if not (isinstance(column.dtype, pd.StringDtype) or column.dtype == object):
        return None
    try:
        text = pa.array(column, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None  # mixed objects: pandas reads them one by one
    if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return None
    return text if isinstance(text, pa.ChunkedArray) else pa.chunked_array([text])
