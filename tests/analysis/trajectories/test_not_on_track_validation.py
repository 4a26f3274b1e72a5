import importlib.util
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).parents[3] / "scripts" / "validate_outcome.py"


def load_validation():
    spec = importlib.util.spec_from_file_location("validate_outcome", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_projection_at_session_four_beats_the_fixed_rule_on_one_clinic():
    run = load_validation().not_on_track_run(seed=1)
    assert run["auc_projected"] > run["auc_rule_25"]
    assert run["auc_projected"] > run["auc_drop_percent"]
    assert run["auc_projected"] >= run["auc_reference"] - 0.03


@pytest.mark.slow
def test_not_on_track_auc_over_twenty_seeds_reaches_the_floor_and_beats_the_fixed_rule():
    validation = load_validation()
    runs = pd.DataFrame([validation.not_on_track_run(seed) for seed in range(1, 21)])
    assert runs["auc_projected"].mean() >= validation.AUC_FLOOR, runs["auc_projected"].mean()
    assert runs["auc_projected"].mean() > runs["auc_rule_25"].mean()
    assert (runs["auc_projected"] > runs["auc_rule_25"]).all()
