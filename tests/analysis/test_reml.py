"""The random-intercept fit from per-group sums agrees with statsmodels' MixedLM (REML) to 1e-6,
and reports what it met in the result, never as a warning."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from statsmodels.regression.mixed_linear_model import MixedLM

from alliance.analysis.alliance_outcome import AllianceOutcomeModel
from alliance.analysis.alliance_outcome.mixed import fit_random_intercept, sandwich_cov
from alliance.analysis.alliance_outcome.reml import fit_reml


def seeded_groups(seed: int, group_sd: float, n_groups: int = 300):
    rng = np.random.default_rng(seed)
    sizes = rng.integers(2, 12, n_groups)
    codes = np.repeat(np.arange(n_groups), sizes)
    n = len(codes)
    x = np.column_stack(
        [
            np.ones(n),
            rng.normal(size=n),
            rng.normal(size=n) + rng.normal(size=n_groups)[codes],
            np.log(rng.integers(1, 20, n)),
        ]
    )
    noise = rng.normal(0, group_sd, n_groups)[codes] + rng.normal(0, 2, n)
    return x @ [1.0, 0.5, -0.3, 2.0] + noise, x, codes


def mixedlm(y, x, codes):
    """statsmodels' REML fit, run to a tight gradient so its own stopping error is below 1e-8."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return MixedLM(y, x, groups=codes).fit(reml=True, method=["bfgs"], gtol=1e-10, maxiter=2000)


@pytest.mark.parametrize(("seed", "group_sd"), [(0, 0.4), (1, 1.2), (2, 2.5), (4, 0.8)])
def test_estimates_and_variances_agree_with_mixedlm(seed, group_sd):
    y, x, codes = seeded_groups(seed, group_sd)
    ours, theirs = fit_reml(y, x, codes), mixedlm(y, x, codes)
    assert ours.converged and ours.problems == ()
    np.testing.assert_allclose(ours.params, theirs.fe_params, rtol=0, atol=1e-6)
    assert ours.group_var == pytest.approx(float(np.asarray(theirs.cov_re)[0, 0]), abs=1e-6)
    assert ours.residual_var == pytest.approx(float(theirs.scale), abs=1e-6)


def test_the_robust_errors_agree_with_the_sandwich_at_mixedlms_estimates():
    y, x, codes = seeded_groups(1, 1.2)
    theirs = mixedlm(y, x, codes)
    expected = sandwich_cov(
        x, y, codes, np.asarray(theirs.fe_params), np.asarray(theirs.cov_re)[0, 0], theirs.scale
    )
    fit = fit_random_intercept(y, {f"x{n}": x[:, n] for n in (1, 2, 3)}, codes, robust=True)
    np.testing.assert_allclose(fit.bse, np.sqrt(np.diag(expected)), rtol=1e-6)


def test_the_model_based_errors_are_the_gls_ones_within_a_tenth_of_a_percent_of_mixedlms():
    """MixedLM inverts the observed information of all parameters at once; the GLS errors leave
    out its cross terms with the variances, which here moves them by under 0.3%."""
    y, x, codes = seeded_groups(1, 1.2)
    ours, theirs = fit_reml(y, x, codes), mixedlm(y, x, codes)
    np.testing.assert_allclose(np.sqrt(np.diag(ours.cov)), theirs.bse[:4], rtol=3e-3)


def test_no_group_variance_is_a_boundary_fit_named_in_the_result():
    y, x, codes = seeded_groups(3, 0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fit = fit_reml(y, x, codes)
    assert fit.group_var == 0.0
    assert fit.converged
    assert fit.problems == ("the between-group variance is estimated at zero (a boundary fit)",)
    ols, *_ = np.linalg.lstsq(x, y, rcond=None)
    np.testing.assert_allclose(fit.params, ols, atol=1e-9)


def test_the_outcome_model_fits_without_a_single_warning():
    rng = np.random.default_rng(12)
    n_clients, per = 120, 8
    client = np.repeat(np.arange(n_clients), per)
    alliance = rng.normal(7, 1, n_clients)[client] + rng.normal(0, 0.7, len(client))
    table = pd.DataFrame(
        {
            "client_id": client.astype(str),
            "therapist_id": (client % 6).astype(str),
            "session": np.tile(np.arange(1, per + 1), n_clients),
            "alliance": alliance,
            "goal": alliance + rng.normal(0, 0.3, len(client)),
            "outcome": 15 - 0.5 * alliance + rng.normal(0, 2, len(client)),
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model = AllianceOutcomeModel().fit(table)
    assert set(model.effects_) == {"alliance", "goal"}
    assert isinstance(model.problems_, dict)
    assert all(fit.converged for fit in model.fits_.values())
