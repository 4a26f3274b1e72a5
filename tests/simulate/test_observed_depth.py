"""Planted ruptures are sized on the scale the clinic sees, persist when unrepaired, and are
reported more often the deeper they go."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliance.simulate import simulate_clinic
from alliance.simulate.config import ClinicConfig
from alliance.simulate.course import run_course
from alliance.simulate.observed import expected_total, total_sd
from alliance.simulate.outcome import expected_alliance
from alliance.simulate.people import draw_clients, draw_therapists


@pytest.mark.parametrize("level", [5.0, 8.0, 9.8, 11.5])
def test_the_sd_of_the_observed_total_matches_a_direct_simulation(level):
    rng = np.random.default_rng(4)
    means = np.array([[level, level + 0.3, level - 0.2]])
    within, dimension_sd, item_sd, draws = 0.6, 0.35, 0.45, 200_000
    shared = rng.normal(0.0, within, size=(draws, 1))
    latent = np.repeat(means + shared + rng.normal(0.0, dimension_sd, (draws, 3)), 2, axis=1)
    answers = np.clip(np.rint(latent + rng.normal(0.0, item_sd, latent.shape)), 0, 10)
    exact = total_sd(means, np.array([within]), dimension_sd, item_sd)[0]
    assert exact == pytest.approx(answers.mean(axis=1).std(), rel=0.02, abs=0.003)
    spread = np.array([np.sqrt(within**2 + dimension_sd**2 + item_sd**2)])
    assert expected_total(means, spread)[0] == pytest.approx(answers.mean(), abs=0.01)


@pytest.fixture(scope="module")
def course_and_usual():
    config = ClinicConfig(n_clients=1500, seed=8)
    rng = np.random.default_rng(config.seed)
    clients = draw_clients(config, draw_therapists(config, rng), rng)
    return run_course(config, clients, rng), expected_alliance(clients, config), clients


def test_the_planted_depth_is_the_fall_the_checkin_shows_on_average(course_and_usual):
    course, usual, _ = course_and_usual
    r = course.ruptures
    first = ~pd.Series(r["client"]).duplicated().to_numpy()  # no earlier rupture still fading
    seen = first & (r["lowest_session"] <= course.n_sessions[r["client"]])
    who, col = r["client"][seen], r["lowest_session"][seen] - 1
    shown = usual[who, col] - course.alliance[who, col]
    assert np.mean(shown) == pytest.approx(np.mean(r["depth"][seen]), abs=0.1)
    assert np.allclose(r["depth_sd"] * r["depth_unit"], r["depth"])


def test_clients_at_the_ceiling_get_ruptures_that_show_as_much(course_and_usual):
    course, _, clients = course_and_usual
    r = course.ruptures
    at_ceiling = clients.trait[r["client"]] >= 10
    assert at_ceiling.sum() > 50 and (~at_ceiling).sum() > 50
    assert abs(r["depth_sd"][at_ceiling].mean() - r["depth_sd"][~at_ceiling].mean()) < 0.2
    assert r["latent_depth"][at_ceiling].mean() > 1.3 * r["latent_depth"][~at_ceiling].mean()


def test_the_depth_unit_is_at_least_the_clinics_pooled_sd(clinic):
    floor = clinic.truth["rupture_depth_unit_floor"]
    assert 0.3 < floor < 0.8
    assert (clinic.ruptures["depth_unit"] >= floor - 1e-12).all()


def _report_at_lowest(clinic) -> pd.DataFrame:
    sessions = clinic.sessions.set_index(["client_id", "session"])["rupture_reported"]
    keys = list(zip(clinic.ruptures["client_id"], clinic.ruptures["lowest_session"], strict=True))
    return clinic.ruptures.assign(report=sessions.reindex(keys).to_numpy()).dropna(
        subset=["report"]
    )


@pytest.mark.slow
def test_deeper_ruptures_are_reported_more_often_and_more_clearly():
    ruptures = _report_at_lowest(simulate_clinic(n_clients=1500, seed=5))
    shallow, deep = ruptures[ruptures["depth_sd"] < 2], ruptures[ruptures["depth_sd"] >= 3]
    assert (deep["report"] > 0).mean() > (shallow["report"] > 0).mean() + 0.15
    assert (deep["report"] == 2).mean() > 2 * (shallow["report"] == 2).mean()
    assert (deep["report"] == 2).mean() > 0.6


def test_without_ruptures_clients_report_tension_at_the_set_rate():
    clinic = simulate_clinic(n_clients=800, seed=6, rupture_hazard=0.0)
    reported = clinic.sessions["rupture_reported"]
    assert (reported > 0).mean() == pytest.approx(0.12, abs=0.015)
    assert (reported == 2).mean() == pytest.approx(0.12 * 0.15, abs=0.006)


def _left_after_window(clinic, extra: int) -> float:
    """Mean share of the depth still missing `extra` sessions after an unrepaired window closed."""
    alliance = clinic.sessions.set_index(["client_id", "session"])["alliance"]
    shares = []
    for r in clinic.ruptures[clinic.ruptures["repaired"] == False].itertuples():  # noqa: E712
        later = (r.client_id, r.lowest_session + 3 + extra)
        if later in alliance.index:
            before = alliance.loc[r.client_id].loc[1 : r.onset_session - 1].mean()
            shares.append((before - alliance[later]) / r.depth)
    return float(np.mean(shares))


@pytest.mark.slow
def test_an_unrepaired_drop_fades_only_slowly():
    kept = _left_after_window(simulate_clinic(n_clients=1500, seed=7), extra=3)
    fast = _left_after_window(
        simulate_clinic(n_clients=1500, seed=7, unrepaired_recovery=0.6), extra=3
    )
    assert kept > 0.5 and fast < 0.35
