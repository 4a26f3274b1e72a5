"""The outcome: improvement over log(session), and a within term centred on the usual level."""

from __future__ import annotations

import numpy as np
import pytest

from alliance.simulate import simulate_clinic
from alliance.simulate.config import ClinicConfig
from alliance.simulate.course import run_course
from alliance.simulate.outcome import expected_alliance
from alliance.simulate.people import draw_clients, draw_therapists


def test_the_usual_level_is_what_a_rupture_free_client_reports_on_average():
    config = ClinicConfig(n_clients=3000, seed=3, rupture_hazard=0.0)
    rng = np.random.default_rng(config.seed)
    clients = draw_clients(config, draw_therapists(config, rng), rng)
    course = run_course(config, clients, rng)
    gap = np.where(course.attended, course.alliance - expected_alliance(clients, config), np.nan)
    assert abs(np.nanmean(gap)) < 0.02
    near_ceiling = clients.trait > 10.5
    assert abs(np.nanmean(gap[near_ceiling])) < 0.03
    assert np.nanmean(course.alliance[near_ceiling]) > 9.5


def test_clients_improve_over_sessions_on_average(clinic):
    by_session = clinic.sessions.groupby("session")["outcome"].mean()
    assert by_session[1] - by_session[8] > 3


def test_phq9_items_add_up_to_the_session_outcome(clinic):
    phq = clinic.answers[clinic.answers["instrument"] == "phq-9"]
    totals = phq.groupby(["client_id", "session"])["value"].sum()
    outcome = clinic.sessions.set_index(["client_id", "session"])["outcome"]
    assert (totals[outcome.index] == outcome).all()


@pytest.mark.slow
def test_a_higher_trait_goes_with_a_lower_outcome_between_clients():
    clinic = simulate_clinic(n_clients=1500, seed=4)
    later = clinic.sessions[clinic.sessions["session"] >= 2]
    means = later.groupby("client_id")[["alliance", "outcome"]].mean()
    r = means.corr().loc["alliance", "outcome"]
    assert -0.4 < r < -0.15  # Flückiger et al. 2018: r = .278


@pytest.mark.slow
def test_without_alliance_effects_the_alliance_does_not_move_the_outcome():
    clinic = simulate_clinic(n_clients=1500, seed=4, within_effect=0.0, between_effect=0.0)
    later = clinic.sessions[clinic.sessions["session"] >= 2]
    means = later.groupby("client_id")[["alliance", "outcome"]].mean()
    assert abs(means.corr().loc["alliance", "outcome"]) < 0.08
