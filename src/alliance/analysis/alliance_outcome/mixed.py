"""A random-intercept linear mixed model fitted by REML, returning estimates with Wald intervals."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import norm
from statsmodels.regression.mixed_linear_model import MixedLM


@dataclass(frozen=True)
class MixedFit:
    names: list[str]
    params: np.ndarray
    bse: np.ndarray
    group_var: float
    residual_var: float
    converged: bool

    def interval(self, name: str, alpha: float = 0.05) -> tuple[float, float, float]:
        """Estimate, lower and upper limit of the (1 - alpha) Wald interval."""
        i = self.names.index(name)
        z = norm.ppf(1 - alpha / 2)
        return (
            float(self.params[i]),
            float(self.params[i] - z * self.bse[i]),
            float(self.params[i] + z * self.bse[i]),
        )


def fit_random_intercept(
    y: np.ndarray, columns: dict[str, np.ndarray], groups: np.ndarray, *, robust: bool = False
) -> MixedFit:
    """REML fit of y on an intercept and the given columns, with a random intercept per group.

    robust: standard errors from the cluster-robust (sandwich) covariance by group instead of the
    model's own, so correlation left between a group's residuals cannot make intervals too narrow.
    """
    names = ["intercept", *columns]
    x = np.column_stack([np.ones(len(y)), *columns.values()])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model = MixedLM(y, x, groups=groups)
            result = model.fit(reml=True, method=["lbfgs"])
            if not np.isfinite(result.llf):  # L-BFGS can stall at a zero variance; try again
                caught.clear()
                result = model.fit(reml=True, method=["bfgs"])
        except np.linalg.LinAlgError:
            return _clustered_ols(y, x, groups, names)
    converged = bool(result.converged) and not any("converge" in str(w.message) for w in caught)
    params = np.asarray(result.fe_params)
    group_var, residual_var = float(np.asarray(result.cov_re)[0, 0]), float(result.scale)
    if robust:
        cov = sandwich_cov(x, y, groups, params, group_var, residual_var)
        bse = np.sqrt(np.diag(cov))
    else:
        bse = np.asarray(result.bse)[: x.shape[1]]
    return MixedFit(names, params, bse, group_var, residual_var, converged)


def sandwich_cov(
    x: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    params: np.ndarray,
    group_var: float,
    residual_var: float,
) -> np.ndarray:
    """Cluster-robust covariance of the GLS fixed effects of a random-intercept model.

    With V_g = s2*I + t2*J for a group of n rows, inv(V_g) @ X_g = (X_g - t2 / (s2 + n*t2) *
    colsum(X_g)) / s2, so bread and meat need only group sums. Small-sample factor G / (G - 1).
    """
    codes = pd.factorize(groups)[0]
    sizes = np.bincount(codes).astype(float)
    shrink = group_var / (residual_var + sizes * group_var)
    weighted = (x - shrink[codes, None] * _group_sums(x, codes, len(sizes))[codes]) / residual_var
    bread = np.linalg.inv(x.T @ weighted)
    scores = _group_sums(weighted * (y - x @ params)[:, None], codes, len(sizes))
    n_groups = len(sizes)
    meat = scores.T @ scores * n_groups / max(n_groups - 1, 1)
    return bread @ meat @ bread


def _group_sums(values: np.ndarray, codes: np.ndarray, n_groups: int) -> np.ndarray:
    sums = np.zeros((n_groups, values.shape[1]))
    np.add.at(sums, codes, values)
    return sums


def _clustered_ols(y: np.ndarray, x: np.ndarray, groups: np.ndarray, names: list[str]) -> MixedFit:
    """When the group variance sits at zero the mixed model is singular; it then equals OLS, whose
    standard errors are made robust to clustering by group."""
    codes = pd.factorize(groups)[0]
    result = sm.OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": codes})
    return MixedFit(
        names, np.asarray(result.params), np.asarray(result.bse), 0.0, float(result.scale), True
    )
