"""Properties of scoring that hold for every instrument and any answers (derandomised)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.measures import ScoringError, list_instruments, score_answers, score_one

INSTRUMENTS = list_instruments()
GOALS = ["g1", "g2", "g3", "g4"]
SETTINGS = settings(derandomize=True, max_examples=60, deadline=None)
COLUMNS = ["client_id", "session", "instrument", "item", "value"]

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.sampled_from(["1", " 2", "3.0", "1e1", "-0", "0x1", "", "nan", "None"]),
    st.lists(st.integers(0, 3), max_size=2),
    st.binary(max_size=3),
)


def item_ids(inst) -> list[str]:
    return GOALS if inst.open_items else [item.id for item in inst.scored_items]


@st.composite
def administrations(draw, inst, *, missing: bool = True):
    """One administration's answers: a valid value (or nothing, when missing) for each item."""
    answers = {}
    for item_id in item_ids(inst):
        values = inst.item(item_id).values
        if missing and draw(st.booleans()) and draw(st.booleans()):
            continue
        answers[item_id] = draw(st.sampled_from(values))
    return answers


def long_table(inst, administrations_: list[dict]) -> pd.DataFrame:
    rows = [
        ("c", n + 1, inst.id, item, value)
        for n, answers in enumerate(administrations_)
        for item, value in answers.items()
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def within(value: float | None, bounds: tuple[float, float]) -> bool:
    return value is None or math.isnan(value) or bounds[0] - 1e-9 <= value <= bounds[1] + 1e-9


@pytest.mark.slow  # a whole process or many generated cases; `make test` runs it
@SETTINGS
@given(inst=st.sampled_from(INSTRUMENTS), ends=st.lists(st.booleans(), min_size=1, max_size=8))
def test_lowest_and_highest_answers_give_the_scale_ends_in_a_table(inst, ends):
    picks = [
        {i: (inst.item(i).high if top else inst.item(i).low) for i in item_ids(inst)}
        for top in ends
    ]
    scored = score_answers(long_table(inst, picks)).sort_values("session")
    for top, (_, row) in zip(ends, scored.iterrows(), strict=True):
        for scale in inst.scale_ids:
            assert row[scale] == inst.scale_range(scale)[1 if top else 0]


@pytest.mark.slow  # a whole process or many generated cases; `make test` runs it
@SETTINGS
@given(data=st.data(), inst=st.sampled_from(INSTRUMENTS))
def test_random_answers_with_random_gaps_score_within_range_in_both_paths(data, inst):
    answer_sets = data.draw(st.lists(administrations(inst), min_size=1, max_size=6))
    for answers in answer_sets:
        score = score_one(inst, answers)
        for scale, value in score.scores.items():
            assert within(value, inst.scale_range(scale))
            assert (value is None) == (scale in score.withheld)
    answered = [answers for answers in answer_sets if answers]
    scored = score_answers(long_table(inst, answered))
    assert len(scored) == len(answered)
    for scale in inst.scale_ids:
        assert all(within(value, inst.scale_range(scale)) for value in scored[scale])


@SETTINGS
@given(inst=st.sampled_from(INSTRUMENTS), value=junk, data=st.data())
def test_junk_values_either_score_or_raise_a_scoring_error(inst, value, data):
    item_id = data.draw(st.sampled_from(item_ids(inst)))
    try:
        score = score_one(inst, {item_id: value})
    except ScoringError as error:
        assert error.item == item_id and error.instrument == inst.id
    else:
        assert all(within(v, inst.scale_range(s)) for s, v in score.scores.items())
    frame = pd.DataFrame([("c", 1, inst.id, item_id, value)], columns=COLUMNS)
    try:
        score_answers(frame)
    except ScoringError as error:
        assert error.row == 1 and error.instrument == inst.id


@pytest.mark.slow  # a whole process or many generated cases; `make test` runs it
@SETTINGS
@given(inst=st.sampled_from(INSTRUMENTS), data=st.data())
def test_junk_in_a_text_column_as_read_from_csv_scores_or_raises_a_scoring_error(inst, data):
    ids = st.sampled_from(item_ids(inst))
    items = data.draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    values = data.draw(st.lists(junk, min_size=len(items), max_size=len(items)))
    rows = [
        ("c", 1, inst.id, item, None if value is None else str(value))
        for item, value in zip(items, values, strict=True)
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS).astype({"value": "str"})
    try:
        scored = score_answers(frame)
    except ScoringError as error:
        assert error.instrument == inst.id and error.item in items
    else:
        assert len(scored) == 1
