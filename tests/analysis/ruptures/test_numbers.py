"""Text numbers read through Arrow are what pandas made of them, bit for bit, and whatever Arrow
is not trusted with still goes through pandas, with its errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliance.analysis.ruptures import RuptureInputError
from alliance.analysis.ruptures.numbers import plain_numbers
from alliance.analysis.ruptures.table import check_sessions

# Digits, points, exponents, signs, spaces, words and overlong digit runs, so that every kind
# of text pandas reads (or refuses) turns up.
PIECES = [*"0123456789.eE+- ", *"0123456789.", "inf", "nan", "Infinity", "1" * 25, "e400", "9" * 18]


def seeded_texts(seed: int, count: int = 40_000) -> list[str]:
    rng = np.random.default_rng(seed)
    return ["".join(rng.choice(PIECES, rng.integers(1, 9))) for _ in range(count)]


def pandas_reading(texts: list[str]) -> np.ndarray:
    return pd.to_numeric(pd.Series(texts, dtype="str"), errors="coerce").to_numpy(dtype=float)


@pytest.mark.parametrize("seed", [1, 2])
def test_every_text_arrow_takes_is_the_number_pandas_reads(seed):
    texts = seeded_texts(seed)
    expected = pandas_reading(texts)
    taken = 0
    for text, number in zip(texts, expected, strict=True):
        parsed = plain_numbers(pd.Series([text], dtype="str"), whole=False)
        if parsed is not None:
            taken += 1
            assert not np.isnan(number), text
            assert parsed[0].tobytes() == np.float64(number).tobytes(), text
    assert taken > 3_000  # the check is not vacuous


def test_a_column_of_scores_parses_bit_for_bit_as_pandas_did():
    rng = np.random.default_rng(7)
    values = np.concatenate([rng.normal(8, 1, 20_000), 10.0 ** rng.uniform(-30, 30, 20_000)])
    texts = [repr(float(v)) for v in np.abs(values)] + ["7", "0", ".5", "5.", "1E3"]
    parsed = plain_numbers(pd.Series([*texts, None], dtype="str"), whole=False)
    assert parsed is not None
    assert parsed[:-1].tobytes() == pandas_reading(texts).tobytes()
    assert np.isnan(parsed[-1])


@pytest.mark.parametrize(
    "texts",
    [["1", "-2"], ["+1"], ["1 "], ["nan"], ["inf"], ["1e400"], ["seven"], ["1,5"]],
)
def test_signs_spaces_words_and_infinities_are_left_to_pandas(texts):
    assert plain_numbers(pd.Series(texts, dtype="str"), whole=False) is None


@pytest.mark.parametrize("texts", [["1", None], ["1.0"], ["+3"], ["99999999999999999999"]])
def test_sessions_other_than_plain_whole_numbers_are_left_to_pandas(texts):
    assert plain_numbers(pd.Series(texts, dtype="str"), whole=True) is None


def test_plain_whole_sessions_become_integers():
    parsed = plain_numbers(pd.Series(["1", "007", "12"], dtype="str"), whole=True)
    assert parsed.dtype == np.int64 and parsed.tolist() == [1, 7, 12]


def text_table(alliance: list[str]) -> pd.DataFrame:
    n = len(alliance)
    return pd.DataFrame(
        {
            "client_id": ["c1"] * n,
            "session": [str(s) for s in range(1, n + 1)],
            "alliance": alliance,
        },
        dtype="str",
    )


def test_a_checked_table_of_text_holds_the_numbers_pandas_read():
    texts = ["7.833333333333332", "8.166666666666666", "9", "-1.5", " 6", "+4.25"]
    checked = check_sessions(text_table(texts)).frame
    assert checked["alliance"].to_numpy().tobytes() == pandas_reading(texts).tobytes()
    assert checked["session"].dtype == np.int64


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (["8", "8", "nan"], "column alliance, row 3: 'nan' is not a number"),
        (["8", "seven"], "column alliance, row 2: 'seven' is not a number"),
    ],
)
def test_refusals_still_name_the_column_row_and_text(texts, message):
    with pytest.raises(RuptureInputError, match=message):
        check_sessions(text_table(texts))
