"""The REML fit from sums by group size gives the fit from per-group sums it replaced (kept here,
frozen, as the reference).

Not to the last bit: the likelihood is flat in the variance ratio to rounding near its optimum,
so the one-dimensional search ends a few millionths of the ratio apart when the same sums are
added in another order. The old fit itself moves as far when the data move by 1e-15 (the last test
below), and the fixed effects by about 1e-9 of their size: the tolerances are set from that.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from scipy.optimize import minimize_scalar

from alliance.analysis.alliance_outcome.reml import LOG_GAMMA_BOUNDS, TOLERANCE, fit_reml

PARAMS_RTOL = 1e-8  # relative to the largest fixed effect
RATIO_RTOL = 1e-4  # the variance ratio


# ---------------------------------------------------------------- the code replaced, frozen


@dataclass(frozen=True)
class OldSums:
    sizes: np.ndarray
    x_sums: np.ndarray
    y_sums: np.ndarray
    xtx: np.ndarray
    xty: np.ndarray
    yty: float


def old_sums(y, x, codes) -> OldSums:
    n_groups = int(codes.max()) + 1
    x_sums = np.column_stack([np.bincount(codes, col, n_groups) for col in x.T])
    sizes = np.bincount(codes, minlength=n_groups).astype(float)
    return OldSums(sizes, x_sums, np.bincount(codes, y, n_groups), x.T @ x, x.T @ y, float(y @ y))


def old_at_ratio(sums: OldSums, gamma: float):
    shrink = gamma / (1.0 + sums.sizes * gamma)
    weighted = sums.x_sums * shrink[:, None]
    xhx = sums.xtx - weighted.T @ sums.x_sums
    xhy = sums.xty - weighted.T @ sums.y_sums
    yhy = sums.yty - float(shrink @ sums.y_sums**2)
    params = np.linalg.inv(xhx) @ xhy
    dof = int(sums.sizes.sum()) - len(params)
    residual_var = (yhy - float(params @ xhy)) / dof
    sign, logdet = np.linalg.slogdet(xhx)
    ok = sign > 0 and residual_var > 0
    log_v = float(np.log1p(sums.sizes * gamma).sum())
    criterion = dof * np.log(residual_var) + log_v + logdet if ok else np.inf
    return criterion, params, residual_var


def old_fit(y, x, codes) -> tuple[np.ndarray, float]:
    """Fixed effects and variance ratio of the old fit."""
    sums = old_sums(y, x, codes)
    found = minimize_scalar(
        lambda log_gamma: old_at_ratio(sums, float(np.exp(log_gamma)))[0],
        bounds=LOG_GAMMA_BOUNDS,
        method="bounded",
        options={"xatol": TOLERANCE, "maxiter": 500},
    )
    gamma = float(np.exp(found.x))
    criterion, params, _ = old_at_ratio(sums, gamma)
    at_zero = old_at_ratio(sums, 0.0)
    if at_zero[0] <= criterion:
        return at_zero[1], 0.0
    return params, gamma


# ---------------------------------------------------------------- the comparisons


def clustered(seed: int, group_sd: float, n_groups: int):
    """Groups of 1 to 30 rows (as clients' sessions), a covariate varying between groups."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 31, n_groups)
    codes = np.repeat(np.arange(n_groups), sizes)
    n = len(codes)
    x = np.column_stack(
        [
            np.ones(n),
            rng.normal(size=n),
            rng.normal(size=n_groups)[codes],
            np.log(rng.integers(1, 20, n)),
        ]
    )
    noise = rng.normal(0, group_sd, n_groups)[codes] + rng.normal(0, 2, n)
    return x @ [12.0, -0.4, -0.6, -2.0] + noise, x, codes


CASES = [(0, 0.5, 400), (1, 1.5, 3_000), (2, 3.0, 20_000), (3, 0.0, 500)]


@pytest.mark.parametrize(("seed", "group_sd", "n_groups"), CASES)
def test_the_fit_from_sums_by_size_is_the_fit_from_sums_by_group(seed, group_sd, n_groups):
    y, x, codes = clustered(seed, group_sd, n_groups)
    params, gamma = old_fit(y, x, codes)
    new = fit_reml(y, x, codes)
    scale = np.abs(params).max()
    np.testing.assert_allclose(new.params, params, rtol=0, atol=PARAMS_RTOL * scale)
    assert new.group_var / new.residual_var == pytest.approx(gamma, rel=RATIO_RTOL, abs=1e-12)


def test_the_old_fit_itself_moves_this_much_when_the_data_move_by_rounding():
    y, x, codes = clustered(1, 1.5, 3_000)
    params, gamma = old_fit(y, x, codes)
    nudged = y * (1 + np.random.default_rng(9).normal(0, 1e-15, len(y)))
    params_nudged, gamma_nudged = old_fit(nudged, x, codes)
    assert gamma_nudged != gamma
    assert abs(gamma_nudged / gamma - 1) < RATIO_RTOL
    assert np.abs(params_nudged - params).max() < PARAMS_RTOL * np.abs(params).max()
