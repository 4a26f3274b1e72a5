"""The clinic's tables: the promised columns, ids, ranges and one-to-one links between them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from alliance.simulate import simulate_clinic

SESSION_COLUMNS = [
    "client_id",
    "therapist_id",
    "session",
    "date",
    "alliance",
    "goal",
    "task",
    "bond",
    "therapist_alliance",
    "rupture_reported",
    "outcome",
]
CLIENT_COLUMNS = [
    "client_id",
    "therapist_id",
    "trait_alliance",
    "intake_severity",
    "n_sessions",
    "ended",
    "start_date",
]
RUPTURE_COLUMNS = [
    "client_id",
    "onset_session",
    "lowest_session",
    "depth",
    "depth_sd",
    "dimension",
    "repaired",
    "repair_session",
]


def test_the_same_seed_gives_identical_tables():
    first, second = simulate_clinic(n_clients=80, seed=5), simulate_clinic(n_clients=80, seed=5)
    for name in ["therapists", "clients", "sessions", "answers", "ruptures"]:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name))
    assert first.truth == second.truth


def test_a_different_seed_gives_a_different_clinic():
    first, second = simulate_clinic(n_clients=80, seed=5), simulate_clinic(n_clients=80, seed=6)
    assert not first.sessions["alliance"].equals(second.sessions["alliance"])


def test_every_promised_column_is_there(clinic):
    assert set(SESSION_COLUMNS) <= set(clinic.sessions.columns)
    assert set(CLIENT_COLUMNS) <= set(clinic.clients.columns)
    assert set(RUPTURE_COLUMNS) <= set(clinic.ruptures.columns)
    assert {"therapist_id", "repair_skill"} <= set(clinic.therapists.columns)
    assert {
        "client_id",
        "session",
        "instrument",
        "item",
        "value",
        "respondent",
        "therapist_id",
        "date",
    } <= set(clinic.answers.columns)


def test_ids_are_pseudonymous_codes(clinic):
    assert clinic.clients["client_id"].str.fullmatch(r"C\d{4}").all()
    assert clinic.therapists["therapist_id"].str.fullmatch(r"T\d{2}").all()
    assert clinic.clients["client_id"].is_unique


def test_each_client_has_one_row_per_session_from_one_to_n(clinic):
    per_client = clinic.sessions.groupby("client_id")["session"].agg(["min", "max", "size"])
    n_sessions = clinic.clients.set_index("client_id")["n_sessions"]
    assert (per_client["min"] == 1).all()
    assert (per_client["max"] == n_sessions[per_client.index]).all()
    assert (per_client["size"] == per_client["max"]).all()
    assert n_sessions.between(3, 30).all()


def test_sessions_are_a_week_apart_from_the_start_date(clinic):
    sessions = clinic.sessions.merge(clinic.clients[["client_id", "start_date"]], on="client_id")
    weeks = (sessions["date"] - sessions["start_date"]).dt.days / 7
    assert (weeks == sessions["session"] - 1).all()


def test_scores_lie_in_their_ranges(clinic):
    sessions = clinic.sessions
    for column in ["alliance", "goal", "task", "bond", "therapist_alliance"]:
        assert sessions[column].between(0, 10).all(), column
    assert sessions["outcome"].between(0, 27).all()
    assert sessions["rupture_reported"].isin([0, 1, 2]).all()
    assert clinic.therapists["repair_skill"].between(0, 1).all()


def test_intake_severity_is_the_first_phq9_and_mostly_ten_to_twenty_four(clinic):
    first = clinic.sessions[clinic.sessions["session"] == 1].set_index("client_id")["outcome"]
    intake = clinic.clients.set_index("client_id")["intake_severity"]
    assert (first[intake.index] == intake).all()
    assert intake.between(10, 24).mean() > 0.8


def test_the_alliance_sits_high_with_a_ceiling(clinic):
    alliance = clinic.sessions["alliance"]
    assert 7.0 < alliance.mean() < 9.0
    assert 0.2 < (alliance == 10).mean() < 0.6


def test_therapists_rate_the_alliance_higher_than_clients(clinic):
    difference = clinic.sessions["therapist_alliance"] - clinic.sessions["alliance"]
    assert difference.mean() > 0.1


def test_ended_says_completed_or_dropped_out_and_dropouts_end_early(clinic):
    clients = clinic.clients
    assert set(clients["ended"]) <= {"completed", "dropped-out"}
    dropped = clients[clients["ended"] == "dropped-out"]
    assert len(dropped) > 0
    assert (dropped["n_sessions"] < dropped["planned_sessions"]).all()


def test_some_clients_deteriorate(clinic):
    clients = clinic.clients
    assert 0.03 < clients["deteriorates"].mean() < 0.12
    last = clinic.sessions.groupby("client_id")["outcome"].last()[clients["client_id"]]
    worse = last.to_numpy() - clients["intake_severity"].to_numpy()
    assert np.mean(worse[clients["deteriorates"].to_numpy()]) > 0


def test_truth_holds_every_generating_parameter(clinic):
    assert clinic.truth["within_effect"] < 0
    assert "between_effect" in clinic.truth
    assert clinic.truth["n_clients"] == 400 and clinic.truth["seed"] == 3
    assert clinic.truth["n_therapists"] == len(clinic.therapists)
