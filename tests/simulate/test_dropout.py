"""Dropout: a per-session hazard that rises after an unrepaired rupture."""

from __future__ import annotations

import pandas as pd
import pytest

from alliance.simulate import simulate_clinic


def _dropout_rates(clinic) -> pd.Series:
    """Per session at risk: did the client leave after it, split by an unrepaired rupture before."""
    sessions = clinic.sessions.merge(
        clinic.clients[["client_id", "n_sessions", "ended"]], on="client_id"
    )
    unrepaired = clinic.ruptures[clinic.ruptures["repaired"] == False]  # noqa: E712
    closed = unrepaired.groupby("client_id")["lowest_session"].min() + 3
    sessions["after_unrepaired"] = sessions["session"] >= sessions["client_id"].map(closed)
    at_risk = sessions[sessions["session"] >= 3]
    left = (at_risk["session"] == at_risk["n_sessions"]) & (at_risk["ended"] == "dropped-out")
    return left.groupby(at_risk["after_unrepaired"]).mean()


@pytest.mark.slow
def test_clients_drop_out_more_after_an_unrepaired_rupture():
    rates = _dropout_rates(simulate_clinic(n_clients=3000, seed=21))
    assert rates[True] > 2 * rates[False]


@pytest.mark.slow
def test_without_a_higher_hazard_the_difference_goes_away():
    clinic = simulate_clinic(n_clients=3000, seed=21, dropout_unrepaired_multiplier=1.0)
    rates = _dropout_rates(clinic)
    assert rates[True] < 1.6 * rates[False]
