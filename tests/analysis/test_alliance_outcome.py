import importlib.util
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from alliance.analysis.alliance_outcome import AllianceOutcomeModel
from alliance.simulate import simulate_clinic

SCRIPT = Path(__file__).parents[2] / "scripts" / "validate_outcome.py"


def load_validation():
    spec = importlib.util.spec_from_file_location("validate_outcome", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def quiet_optimiser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def test_the_within_interval_covers_the_planted_effect_on_one_clinic():
    clinic = simulate_clinic(n_clients=600, seed=1)
    model = AllianceOutcomeModel().fit(clinic.sessions)
    within = model.within_
    assert within.ci_low <= clinic.truth["within_effect"] <= within.ci_high
    assert within.n_clients == 600 and within.n_sessions == len(clinic.sessions) - 600


def test_it_reports_each_dimension_and_the_therapist_share():
    clinic = simulate_clinic(n_clients=300, seed=2)
    model = AllianceOutcomeModel().fit(clinic.sessions)
    assert set(model.effects_) == {"alliance", "goal", "task", "bond"}
    assert set(model.summary["part"]) == {"within", "between"}
    assert 0 <= model.therapist_.icc < 1 and model.therapist_.n_therapists > 1
    assert "1 point above their own usual level" in model.reading()


def test_a_planted_therapist_difference_shows_in_the_icc():
    rng = np.random.default_rng(3)
    therapist = np.repeat(np.arange(20), 60)
    client = np.repeat(np.arange(240), 5)
    table = pd.DataFrame(
        {
            "client_id": client,
            "therapist_id": therapist,
            "session": np.tile(np.arange(1, 6), 240),
            "alliance": rng.normal(8, 1, 1200),
        }
    )
    table["outcome"] = rng.normal(0, 3, 20)[therapist] + rng.normal(12, 3, 1200)
    icc = AllianceOutcomeModel().fit(table).therapist_.icc
    assert 0.25 < icc < 0.75  # planted 9 / (9 + 9) = 0.5


def test_it_refuses_an_unknown_method():
    with pytest.raises(ValueError, match="method must be one of"):
        AllianceOutcomeModel(method="lagged")
    with pytest.raises(ValueError, match="current_outcome must be one of"):
        AllianceOutcomeModel(current_outcome="maybe")


@pytest.mark.slow
def test_within_interval_coverage_over_twenty_seeds_holds_the_floor():
    validation = load_validation()
    runs = pd.DataFrame([validation.within_effect_run(seed) for seed in range(1, 21)])
    assert runs["default_covers"].mean() >= validation.COVERAGE_FLOOR
