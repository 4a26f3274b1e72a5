"""Planted ruptures: how common, how deep, where, and whether they were repaired."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliance.simulate import simulate_clinic


def _with_sessions(clinic) -> pd.DataFrame:
    return clinic.sessions.set_index(["client_id", "session"])["alliance"]


def _baseline(alliance: pd.Series, client: str, onset: int) -> float:
    return float(alliance.loc[client].loc[1 : onset - 1].mean())


def test_between_a_quarter_and_a_half_of_clients_have_a_rupture(clinic):
    share = clinic.ruptures["client_id"].nunique() / len(clinic.clients)
    assert 0.25 <= share <= 0.5


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11, 12, 13])
def test_rupture_prevalence_stays_in_range_across_seeds(seed):
    clinic = simulate_clinic(n_clients=1000, seed=seed)
    share = clinic.ruptures["client_id"].nunique() / len(clinic.clients)
    assert 0.25 <= share <= 0.5


def test_ruptures_start_after_a_baseline_and_never_overlap(clinic):
    ruptures = clinic.ruptures
    assert (ruptures["onset_session"] >= 4).all()
    assert (ruptures["lowest_session"] >= ruptures["onset_session"]).all()
    ordered = ruptures.sort_values(["client_id", "onset_session"])
    ends = ordered["repair_session"].fillna(ordered["lowest_session"] + 3)
    previous_end = ends.groupby(ordered["client_id"]).shift()
    later = ordered[previous_end.notna()]
    assert len(later) > 0
    assert (later["onset_session"] > previous_end[later.index]).all()


def test_depths_spread_with_a_good_share_at_two_sd_or_more(clinic):
    depth_sd = clinic.ruptures["depth_sd"]
    assert depth_sd.between(1, 4).all()
    assert (depth_sd >= 2).mean() > 0.4
    assert (clinic.ruptures["depth"] > 0).all()


def test_the_hit_dimension_drops_most(clinic):
    sessions = clinic.sessions.set_index(["client_id", "session"])
    rows = clinic.ruptures.dropna(subset=["observed_drop"])
    drops = {dimension: [] for dimension in ["goal", "task", "bond"]}
    for rupture in rows.itertuples():
        before = sessions.loc[rupture.client_id].loc[1 : rupture.onset_session - 1]
        at_lowest = sessions.loc[(rupture.client_id, rupture.lowest_session)]
        fall = before[["goal", "task", "bond"]].mean() - at_lowest[["goal", "task", "bond"]]
        drops[rupture.dimension].append(fall)
    for dimension, falls in drops.items():
        mean_fall = pd.DataFrame(falls).mean()
        assert mean_fall.idxmax() == dimension, (dimension, mean_fall.to_dict())


def test_repair_is_true_false_or_unknown_and_dated_only_when_true(clinic):
    repaired = clinic.ruptures["repaired"]
    assert set(repaired.dropna()) <= {True, False}
    dated = clinic.ruptures["repair_session"].notna()
    assert (dated == (repaired == True)).all()  # noqa: E712
    window = clinic.ruptures["repair_session"] - clinic.ruptures["lowest_session"]
    assert window.dropna().between(1, 3).all()


def test_repair_is_unknown_exactly_when_the_series_ends_inside_the_window(clinic):
    ruptures = clinic.ruptures.merge(clinic.clients[["client_id", "n_sessions"]], on="client_id")
    unknown = ruptures["repaired"].isna()
    assert (ruptures.loc[unknown, "n_sessions"] < ruptures.loc[unknown, "lowest_session"] + 3).all()
    unrepaired = ruptures["repaired"] == False  # noqa: E712
    assert (
        ruptures.loc[unrepaired, "n_sessions"] >= ruptures.loc[unrepaired, "lowest_session"] + 3
    ).all()


def test_repaired_ruptures_return_to_the_earlier_level_and_unrepaired_do_not(clinic):
    alliance = _with_sessions(clinic)
    returned, stayed = [], []
    for rupture in clinic.ruptures.dropna(subset=["repaired"]).itertuples():
        baseline = _baseline(alliance, rupture.client_id, rupture.onset_session)
        if rupture.repaired:
            returned.append(alliance[(rupture.client_id, int(rupture.repair_session))] - baseline)
        else:
            after = alliance[(rupture.client_id, rupture.lowest_session + 3)] - baseline
            stayed.append(after / rupture.depth)
    assert abs(np.mean(returned)) < 0.25
    assert np.mean(stayed) < -0.4


def test_skilled_therapists_repair_more(clinic):
    ruptures = clinic.ruptures.dropna(subset=["repaired"]).merge(
        clinic.therapists, on="therapist_id"
    )
    skilled = ruptures["repair_skill"] >= ruptures["repair_skill"].median()
    rate = ruptures.groupby(skilled)["repaired"].apply(lambda r: r.astype(bool).mean())
    assert rate[True] > rate[False]


def test_clients_report_ruptures_more_often_during_one(clinic):
    sessions = clinic.sessions.set_index(["client_id", "session"])
    during = [
        (r.client_id, s)
        for r in clinic.ruptures.itertuples()
        for s in range(r.onset_session, r.lowest_session + 1)
        if (r.client_id, s) in sessions.index
    ]
    reported = sessions["rupture_reported"] > 0
    inside = reported.loc[during].mean()
    outside = reported.drop(index=during).mean()
    assert inside > 0.4 and outside < 0.2 and inside > 2.5 * outside


def test_therapists_rate_the_rupture_session_less_low_than_clients(clinic):
    sessions = clinic.sessions.set_index(["client_id", "session"])
    lowest = [
        (r.client_id, r.lowest_session)
        for r in clinic.ruptures.itertuples()
        if (r.client_id, r.lowest_session) in sessions.index
    ]
    gap = sessions.loc[lowest, "therapist_alliance"] - sessions.loc[lowest, "alliance"]
    usual_gap = (sessions["therapist_alliance"] - sessions["alliance"]).mean()
    assert gap.mean() > usual_gap


def test_no_ruptures_when_the_hazard_is_zero():
    clinic = simulate_clinic(n_clients=50, seed=1, rupture_hazard=0.0)
    assert clinic.ruptures.empty
    assert list(clinic.ruptures.columns)[:3] == ["rupture_id", "client_id", "therapist_id"]
