import importlib.util
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy.stats import t as t_dist

from alliance.analysis.alliance_outcome import AllianceOutcomeModel
from alliance.analysis.alliance_outcome.mixed import fit_random_intercept, sandwich_cov
from alliance.analysis.alliance_outcome.within import within_client_fit
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


@pytest.mark.slow
def test_the_within_interval_covers_the_planted_effect_on_one_clinic():
    clinic = simulate_clinic(n_clients=600, seed=1)
    model = AllianceOutcomeModel().fit(clinic.sessions)
    within = model.within_
    assert within.ci_low <= clinic.truth["within_effect"] <= within.ci_high
    assert within.n_clients == 600 and within.n_sessions == len(clinic.sessions) - 600


@pytest.mark.slow
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
def test_without_a_planted_effect_the_within_estimate_is_near_zero_and_covers_it():
    clinic = simulate_clinic(n_clients=600, seed=1, within_effect=0.0)
    within = AllianceOutcomeModel(dimensions=()).fit(clinic.sessions).within_
    assert within.ci_low <= 0.0 <= within.ci_high
    assert abs(within.estimate) < 0.1


@pytest.mark.slow
def test_within_interval_coverage_over_twenty_seeds_holds_the_floor():
    validation = load_validation()
    runs = pd.DataFrame([validation.within_effect_run(seed) for seed in range(1, 21)])
    assert runs["default_covers"].mean() >= validation.COVERAGE_FLOOR
    assert abs(runs["default_estimate"].mean() - runs["truth"].iloc[0]) < 0.02


def own_course_panel(seed=0, n_clients=60, n_sessions=7):
    """Clients with their own level and improvement slope on log(session), and an x effect of 1."""
    rng = np.random.default_rng(seed)
    client = np.repeat(np.arange(n_clients), n_sessions)
    session = np.tile(np.arange(1, n_sessions + 1), n_clients).astype(float)
    x = rng.normal(size=len(client)) + rng.normal(size=n_clients)[client]
    z = rng.normal(size=len(client))
    level, slope = rng.normal(15, 3, n_clients), rng.normal(3, 1, n_clients)
    y = level[client] - slope[client] * np.log(session) + x + rng.normal(size=len(client))
    return pd.DataFrame({"c": client, "log_s": np.log(session), "x": x, "z": z, "y": y})


def test_the_within_fit_equals_least_squares_with_a_line_per_client():
    """Reference: statsmodels OLS with a dummy and a log(session) slope per client."""
    panel = own_course_panel()
    reference = sm.OLS.from_formula("y ~ x + z + C(c) + C(c):log_s - 1", panel).fit(
        cov_type="cluster", cov_kwds={"groups": panel["c"]}
    )
    estimate, low, high = within_client_fit(
        panel["y"].to_numpy(),
        {"x": panel["x"].to_numpy(), "z": panel["z"].to_numpy()},
        panel["c"].to_numpy(),
        panel["log_s"].to_numpy(),
    )
    assert estimate == pytest.approx(reference.params["x"], rel=1e-9)
    # statsmodels counts the 120 client terms in N - K; they are nested in the clusters, so the
    # CR1 factor here leaves them out (Cameron & Miller 2015): the ratio is known exactly
    n, k_reference = len(panel), len(reference.params)
    factor = np.sqrt((n - k_reference) / (n - 2))
    half_width = reference.bse["x"] * factor * t_dist.ppf(0.975, 59)
    assert (high - low) / 2 == pytest.approx(half_width, rel=1e-6)


def test_the_classical_within_interval_matches_plain_least_squares():
    panel = own_course_panel(seed=1)
    reference = sm.OLS.from_formula("y ~ x + C(c) + C(c):log_s - 1", panel).fit()
    estimate, low, high = within_client_fit(
        panel["y"].to_numpy(),
        {"x": panel["x"].to_numpy()},
        panel["c"].to_numpy(),
        panel["log_s"].to_numpy(),
        robust=False,
    )
    assert (low, high) == pytest.approx(tuple(reference.conf_int().loc["x"]), rel=1e-6)


def clustered_data(seed=0):
    rng = np.random.default_rng(seed)
    groups = np.repeat(np.arange(300), 6)
    x = rng.normal(size=(1800, 2))
    y = x @ [1.0, 2.0] + rng.normal(size=300)[groups] + rng.normal(size=1800)
    return groups, x, y


def test_the_sandwich_matches_statsmodels_clustered_ols_when_groups_do_not_differ():
    groups, x, y = clustered_data()
    design = np.column_stack([np.ones(len(y)), x])
    params = np.linalg.lstsq(design, y, rcond=None)[0]
    ours = sandwich_cov(design, y, groups, params, group_var=0.0, residual_var=1.0)
    reference = (
        sm.OLS(y, design)
        .fit(cov_type="cluster", cov_kwds={"groups": groups, "use_correction": False})
        .cov_params()
    )
    ratio = np.sqrt(np.diag(ours) / np.diag(reference))
    assert ratio == pytest.approx(np.full(3, np.sqrt(300 / 299)), rel=1e-6)  # our G/(G-1)


def test_robust_errors_match_statsmodels_gee_with_exchangeable_correlation():
    """Reference: GEE with an exchangeable working correlation gives the same sandwich."""
    groups, x, y = clustered_data(seed=1)
    robust = fit_random_intercept(y, {"a": x[:, 0], "b": x[:, 1]}, groups, robust=True)
    design = np.column_stack([np.ones(len(y)), x])
    gee = sm.GEE(y, design, groups=groups, cov_struct=sm.cov_struct.Exchangeable()).fit()
    assert robust.bse == pytest.approx(np.asarray(gee.bse), rel=0.02)


def test_the_centred_method_keeps_the_course_over_sessions():
    from alliance.analysis.alliance_outcome import CENTRED
    from alliance.simulate import simulate_clinic

    clinic = simulate_clinic(n_clients=600, seed=1)
    within = AllianceOutcomeModel(method=CENTRED, dimensions=()).fit(clinic.sessions).within_
    # without the log(session) term the estimate was -0.51 here; planted -0.8
    assert within.ci_low <= clinic.truth["within_effect"] + 0.1
    assert -0.9 < within.estimate < -0.65
