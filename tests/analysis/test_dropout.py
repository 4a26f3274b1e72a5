import numpy as np
import pandas as pd
import pytest

from alliance.analysis.dropout import DropoutRiskModel, auc, bootstrap_auc
from alliance.simulate import simulate_clinic


@pytest.fixture(scope="module")
def clinics():
    return simulate_clinic(n_clients=600, seed=1), simulate_clinic(n_clients=600, seed=2)


@pytest.mark.slow
def test_unrepaired_ruptures_raise_the_risk_and_held_out_auc_beats_chance(clinics):
    train, test = clinics
    model = DropoutRiskModel().fit(train.sessions, train.clients, train.ruptures)
    odds = model.summary.set_index("predictor")["odds_ratio"]
    assert odds["unrepaired_ruptures"] > 1
    held_out = model.evaluate(test.sessions, test.clients, test.ruptures, n_boot=200, seed=1)
    assert held_out.ci_low < held_out.auc < held_out.ci_high
    assert held_out.auc > 0.55 and held_out.n_clients == 600


def test_explain_gives_the_risk_with_its_reasons_in_words(clinics):
    train, _ = clinics
    model = DropoutRiskModel().fit(train.sessions, train.clients, train.ruptures)
    ruptured = pd.DataFrame(
        {
            "client_id": "z",
            "session": [1, 2, 3, 4, 5],
            "alliance": [9, 9, 9, 8, 6],
            "outcome": [15, 15, 16, 17, 18],
            "unrepaired_ruptures": [0, 0, 0, 1, 2],
        }
    )
    risk = model.explain(ruptured)
    assert risk.risk > risk.typical_risk
    assert any("not repaired" in reason for reason in risk.reasons)
    assert "Raising it:" in risk.reading()


def test_auc_matches_the_pairwise_definition():
    score = np.array([0.1, 0.4, 0.35, 0.8])
    label = np.array([False, False, True, True])
    assert auc(score, label) == pytest.approx(0.75)  # 3 of 4 positive-negative pairs ordered


def test_bootstrap_is_seeded():
    rng = np.random.default_rng(0)
    score, label = rng.random(200), rng.random(200) > 0.7
    clients = np.arange(200)
    assert bootstrap_auc(score, label, clients, n_boot=50, seed=3) == bootstrap_auc(
        score, label, clients, n_boot=50, seed=3
    )


def test_it_needs_the_ending_of_every_client(clinics):
    train, _ = clinics
    with pytest.raises(ValueError, match="no 'ended' for client"):
        DropoutRiskModel().fit(train.sessions, train.clients.iloc[1:])
