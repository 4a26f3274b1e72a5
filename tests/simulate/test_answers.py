"""Item-level answers score back to exactly the session table."""

from __future__ import annotations

import numpy as np

from alliance.measures import score_answers


def _scored(clinic, instrument):
    scored = score_answers(clinic.answers)
    return scored[scored["instrument"] == instrument].set_index(["client_id", "session"])


def test_session_scores_equal_the_scored_answers(clinic):
    sessions = clinic.sessions.set_index(["client_id", "session"])
    checkin = _scored(clinic, "alliance-checkin").loc[sessions.index]
    mirror = _scored(clinic, "alliance-checkin-t").loc[sessions.index]
    phq = _scored(clinic, "phq-9").loc[sessions.index]
    for ours, theirs in [
        ("alliance", "total"),
        ("goal", "goal"),
        ("task", "task"),
        ("bond", "bond"),
    ]:
        np.testing.assert_array_equal(sessions[ours], checkin[theirs])
    np.testing.assert_array_equal(sessions["therapist_alliance"], mirror["total"])
    np.testing.assert_array_equal(sessions["outcome"], phq["total"])


def test_every_administration_is_complete(clinic):
    assert score_answers(clinic.answers)["complete"].all()


def test_item_values_are_whole_numbers_in_each_items_range(clinic):
    answers = clinic.answers
    alliance_items = answers["instrument"].str.startswith("alliance") & answers["item"].isin(
        list("123456")
    )
    assert answers.loc[alliance_items, "value"].between(0, 10).all()
    assert answers.loc[~alliance_items, "value"].between(0, 3).all()
    assert answers.loc[answers["instrument"] == "phq-9", "value"].between(0, 3).all()


def test_talked_through_is_asked_only_when_something_felt_off(clinic):
    checkin = clinic.answers[clinic.answers["instrument"] == "alliance-checkin"]
    wide = checkin.pivot_table(index=["client_id", "session"], columns="item", values="value")
    assert (wide.loc[wide["8"] > 0, "9"].notna()).all()
    assert wide.loc[wide["8"] == 0, "9"].isna().all()


def test_the_self_harm_item_is_raised_only_for_a_small_share(clinic):
    phq = clinic.answers[clinic.answers["instrument"] == "phq-9"]
    raised = phq[(phq["item"] == "9") & (phq["value"] > 0)]["client_id"].unique()
    share = len(raised) / len(clinic.clients)
    assert 0 < share < 0.15


def test_answers_carry_respondent_therapist_and_date(clinic):
    answers = clinic.answers
    respondents = answers.groupby("instrument")["respondent"].unique()
    assert list(respondents["alliance-checkin-t"]) == ["therapist"]
    assert list(respondents["phq-9"]) == ["client"]
    assert answers["therapist_id"].notna().all() and answers["date"].notna().all()
