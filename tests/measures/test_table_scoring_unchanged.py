"""Scoring a table column-wise (one key encoding for the whole table) gives exactly what the
per-instrument scoring it replaced gave: the same frame on seeded answers, the same error on bad
ones. The replaced code is kept beside this test as the reference."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliance.measures import ScoringError, score_answers
from benchmarks.bench_scoring import generate_answers

from . import scoring_before_rewrite as before

UNANSWERED = "risk-item-unanswered"  # a kind of flag the replaced code did not have


def seeded(seed: int) -> pd.DataFrame:
    answers = generate_answers(6_000, seed=seed)
    rng = np.random.default_rng(seed)
    answers["value"] = answers["value"].astype(object)
    answers.loc[rng.random(len(answers)) < 0.1, "value"] = None
    phq9 = (answers["instrument"] == "phq-9") & (answers["item"] == "9")
    answers.loc[phq9 & (rng.random(len(answers)) < 0.4), "value"] = 1
    answers["respondent"] = np.where(rng.random(len(answers)) < 0.3, "therapist", None)
    answers["therapist_id"] = "t1"
    return answers.sample(frac=1, random_state=seed).astype({"value": str, "session": str})


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_seeded_answers_score_to_the_same_frame(seed):
    answers = seeded(seed).replace({"None": None})
    found = score_answers(answers)
    assert found["withheld"].map(len).gt(0).any() and found["flags"].map(len).gt(0).any()
    unanswered = found["flags"].map(lambda flags: UNANSWERED in flags)
    assert unanswered.any() and (found.loc[unanswered, "instrument"] == "phq-9").all()
    older_flags = found["flags"].map(lambda flags: tuple(f for f in flags if f != UNANSWERED))
    pd.testing.assert_frame_equal(found.assign(flags=older_flags), before.score_answers(answers))


def test_a_single_instrument_of_integers_scores_the_same():
    answers = generate_answers(2_000, seed=8)
    answers = answers[answers["instrument"] == "wai-sr"]
    pd.testing.assert_frame_equal(score_answers(answers), before.score_answers(answers))


BROKEN = {  # what breaks: (column, row, value put there)
    "an unknown instrument": ("instrument", 50, "no-such-form"),
    "an unknown item": ("item", 70, "99"),
    "a value out of range": ("value", 80, "eleven"),
    "a blank item": ("item", 90, None),
    "a blank client": ("client_id", 100, None),
    "a blank instrument": ("instrument", 110, None),
    "a fractional session": ("session", 120, "2.5"),
}


def broken(column: str, row: int, value) -> pd.DataFrame:
    answers = generate_answers(600, seed=9).astype({"value": object, "session": object})
    answers[column] = answers[column].astype(object)
    answers.loc[row, column] = value
    return answers


def assert_same_error(answers: pd.DataFrame) -> None:
    with pytest.raises(ValueError) as old:
        before.score_answers(answers)
    with pytest.raises(ValueError) as new:
        score_answers(answers)
    assert isinstance(new.value, ScoringError) == (type(old.value).__name__ == "ScoringError")
    assert str(new.value) == str(old.value)


@pytest.mark.parametrize("name", list(BROKEN))
def test_bad_answers_raise_the_same_error(name):
    assert_same_error(broken(*BROKEN[name]))


def test_an_item_answered_twice_raises_the_same_error():
    answers = generate_answers(600, seed=9)
    assert_same_error(pd.concat([answers, answers.iloc[[200]]], ignore_index=True))


def test_the_first_of_several_errors_is_the_one_reported():
    answers = broken("item", 90, None)
    answers.loc[400, "value"] = 99
    answers.loc[30, "instrument"] = "no-such-form"
    assert_same_error(answers)
