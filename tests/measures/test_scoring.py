"""Scoring one administration and scoring a whole answer table give the same numbers and errors."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from alliance.measures import (
    ScoringError,
    UnknownInstrumentError,
    get_instrument,
    list_instruments,
    score_answers,
    score_one,
)


def table(rows: list[tuple], **extra) -> pd.DataFrame:
    """An interchange-format table from (client_id, session, instrument, item, value) tuples."""
    frame = pd.DataFrame(rows, columns=["client_id", "session", "instrument", "item", "value"])
    return frame.assign(**extra)


def as_rows(client: str, session: int, instrument_id: str, answers: dict) -> list[tuple]:
    return [(client, session, instrument_id, item, value) for item, value in answers.items()]


def scores_of(scored: pd.DataFrame, instrument_id: str) -> dict:
    row = scored.iloc[0]
    return {
        scale: None if math.isnan(row[scale]) else row[scale]
        for scale in get_instrument(instrument_id).scale_ids
    }


def sample_answers(inst, rng: np.random.Generator, missing: float) -> dict:
    ids = ["g1", "g2", "g3"] if inst.open_items else [item.id for item in inst.scored_items]
    return {i: int(rng.choice(inst.item(i).values)) for i in ids if rng.random() >= missing}


@pytest.mark.parametrize("inst", list_instruments(), ids=lambda inst: inst.id)
@pytest.mark.parametrize("missing", [0.0, 0.1, 0.3])
def test_score_one_and_score_answers_agree(inst, missing):
    rng = np.random.default_rng(7)
    for _ in range(20):
        answers = sample_answers(inst, rng, missing)
        if not answers:
            continue
        one = score_one(inst, answers)
        scored = score_answers(table(as_rows("c1", 1, inst.id, answers)))
        assert len(scored) == 1
        for scale, value in scores_of(scored, inst.id).items():
            assert value == pytest.approx(one.scores[scale], abs=1e-4), (answers, scale)
        row = scored.iloc[0]
        assert row["band"] == one.band and tuple(row["flags"]) == one.flags
        assert bool(row["complete"]) == one.complete
        assert set(row["withheld"]) == set(one.withheld)


def test_an_out_of_range_value_names_the_instrument_item_and_value():
    with pytest.raises(ScoringError) as caught:
        score_one("phq-9", {"1": 1, "2": 4})
    error = caught.value
    assert (error.instrument, error.item, error.value, error.row) == ("phq-9", "2", 4, None)
    assert str(error) == "instrument phq-9, item 2: value 4 is not one of 0, 1, 2, 3"


def test_an_out_of_range_value_in_a_table_also_names_the_row():
    rows = as_rows("c1", 1, "wai-sr", {str(n): 3 for n in range(1, 13)})
    rows[6] = ("c1", 1, "wai-sr", "7", "6")
    with pytest.raises(ScoringError) as caught:
        score_answers(table(rows))
    error = caught.value
    assert (error.row, error.instrument, error.item, error.value) == (7, "wai-sr", "7", "6")
    assert str(error).startswith("row 7, instrument wai-sr, item 7: value '6' is not one of")


@pytest.mark.parametrize("bad", ["abc", "2.5", "-1", "1e9", "inf"])
def test_text_that_is_not_an_answer_is_refused_not_treated_as_missing(bad):
    rows = as_rows("c1", 1, "phq-9", {str(n): "1" for n in range(1, 10)})
    rows[3] = ("c1", 1, "phq-9", "4", bad)
    with pytest.raises(ScoringError, match=r"row 4, instrument phq-9, item 4: value"):
        score_answers(table(rows))
    with pytest.raises(ScoringError, match="item 4"):
        score_one("phq-9", {"4": bad})


@pytest.mark.parametrize("blank", ["", "  ", None, float("nan")])
def test_blank_values_are_unanswered_in_both_paths(blank):
    answers = {str(n): 2 for n in range(1, 9)} | {"9": blank}
    one = score_one("phq-9", answers)
    scored = score_answers(table(as_rows("c1", 1, "phq-9", answers)))
    assert one.scores["total"] == pytest.approx(16 * 9 / 8)
    assert scores_of(scored, "phq-9")["total"] == pytest.approx(16 * 9 / 8)
    assert not one.complete and not scored.iloc[0]["complete"]


def test_an_unknown_item_is_refused_in_both_paths():
    with pytest.raises(ScoringError, match="instrument phq-9, item 10: no such item"):
        score_one("phq-9", {"10": 1})
    rows = as_rows("c1", 1, "phq-9", {"1": 1, "10": 1})
    with pytest.raises(ScoringError, match="row 2, instrument phq-9, item 10: no such item"):
        score_answers(table(rows))


def test_an_unknown_instrument_is_refused_naming_the_known_ones():
    with pytest.raises(UnknownInstrumentError, match="unknown instrument 'phq-99'.*phq-9"):
        score_one("phq-99", {"1": 1})
    rows = as_rows("c1", 1, "phq-9", {"1": 1}) + as_rows("c1", 1, "phq-99", {"1": 1})
    with pytest.raises(ScoringError, match="row 2, instrument phq-99: unknown instrument"):
        score_answers(table(rows))


def test_an_item_answered_twice_in_one_administration_is_refused():
    rows = as_rows("c1", 1, "gad-7", {str(n): 1 for n in range(1, 8)})
    rows.append(("c1", 1, "gad-7", "3", 2))
    with pytest.raises(ScoringError, match="row 8, instrument gad-7, item 3: answered twice"):
        score_answers(table(rows))


def test_the_same_item_in_different_sessions_or_respondents_is_not_a_duplicate():
    rows = [("c1", 1, "gad-7", "1", 1), ("c1", 2, "gad-7", "1", 2), ("c2", 1, "gad-7", "1", 3)]
    assert len(score_answers(table(rows))) == 3


def test_too_many_missing_items_withhold_the_score_with_the_reason():
    answers = {str(n): 1 for n in range(1, 8)}
    score = score_one("phq-9", answers)
    assert score.scores == {"total": None} and score.band is None
    assert score.withheld == {"total": "2 of 9 items missing; at most 1 allowed"}
    scored = score_answers(table(as_rows("c1", 1, "phq-9", answers)))
    assert math.isnan(scored.iloc[0]["total"]) and scored.iloc[0]["withheld"] == ("total",)


def test_one_missing_subscale_item_is_prorated_but_two_withhold_only_that_subscale():
    answers = {str(n): 4 for n in range(1, 13) if n not in (4, 6)}
    score = score_one("wai-sr", answers)
    assert score.scores["goal"] is None and set(score.withheld) == {"goal"}
    assert score.scores["total"] == 48 and score.scores["task"] == 16


def test_a_session_that_is_not_a_whole_number_names_the_row():
    rows = [("c1", "1", "gad-7", "1", 1), ("c1", "two", "gad-7", "2", 1)]
    with pytest.raises(ScoringError, match="row 2, instrument gad-7: session 'two'"):
        score_answers(table(rows))


def test_a_missing_column_is_named():
    frame = table([("c1", 1, "gad-7", "1", 1)]).drop(columns=["item"])
    with pytest.raises(ValueError, match="missing the column.*item"):
        score_answers(frame)


def test_respondent_defaults_to_client_and_separates_administrations():
    rows = as_rows("c1", 1, "alliance-checkin", {"1": 8, "8": 0}) * 2
    respondents = ["client"] * 2 + ["therapist"] * 2
    scored = score_answers(table(rows, respondent=respondents))
    assert sorted(scored["respondent"]) == ["client", "therapist"]
    assert score_answers(table(rows[:2]))["respondent"].tolist() == ["client"]


def test_optional_columns_are_carried_to_the_result():
    rows = as_rows("c1", 3, "gad-7", {str(n): 1 for n in range(1, 8)})
    scored = score_answers(table(rows, therapist_id="t9", date="2026-03-04"))
    assert scored.iloc[0][["therapist_id", "date", "total"]].tolist() == ["t9", "2026-03-04", 7]


def test_free_text_answers_in_a_table_are_kept_out_of_the_scores():
    answers = {"1": 6, "2": 6, "3": 6, "4": 6, "5": 6, "6": 6, "7": "It went fine", "8": 0}
    scored = score_answers(table(as_rows("c1", 1, "alliance-checkin", answers)))
    assert scored.iloc[0]["total"] == 6 and scored.iloc[0]["complete"]


def test_a_mixed_table_gives_one_row_per_administration_with_its_own_scales():
    rows = (
        as_rows("c1", 1, "phq-9", {str(n): 1 for n in range(1, 10)})
        + as_rows("c1", 1, "wai-sr", {str(n): 5 for n in range(1, 13)})
        + as_rows("c2", 4, "phq-9", {str(n): 3 for n in range(1, 10)})
    )
    scored = score_answers(table(rows)).set_index(["client_id", "session", "instrument"])
    assert scored.loc[("c1", 1, "phq-9"), "total"] == 9
    assert scored.loc[("c1", 1, "wai-sr"), "total"] == 60
    assert math.isnan(scored.loc[("c1", 1, "phq-9"), "goal"])
    assert scored.loc[("c2", 4, "phq-9"), "band"] == "severe"
    assert scored.loc[("c2", 4, "phq-9"), "flags"] == ("risk-self-harm",)


def test_an_empty_table_scores_to_an_empty_result():
    scored = score_answers(table([]))
    assert scored.empty and {"client_id", "band", "complete"} <= set(scored.columns)


@pytest.mark.parametrize("column", ["client_id", "instrument", "item", "session"])
def test_an_empty_key_cell_is_refused_naming_the_row_and_column(column):
    rows = as_rows("c1", 1, "gad-7", {str(n): 1 for n in range(1, 8)})
    frame = table(rows).astype(object)
    frame.loc[4, column] = None
    with pytest.raises(ScoringError, match=f"row 5, .*{column}"):
        score_answers(frame)
