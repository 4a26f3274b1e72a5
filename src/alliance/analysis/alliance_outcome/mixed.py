"""A random-intercept linear mixed model fitted by REML, returning estimates with Wald intervals."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import norm

from .reml import GroupSums, fit_reml


@dataclass(frozen=True)
class MixedFit:
    names: list[str]
    params: np.ndarray
    bse: np.ndarray
    group_var: float
    residual_var: float
    converged: bool
    problems: tuple[str, ...] = ()  # what the fit met on the way (never raised as warnings)

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
    y: np.ndarray,
    columns: dict[str, np.ndarray],
    groups: np.ndarray,
    *,
    robust: bool = False,
    codes: np.ndarray | None = None,
) -> MixedFit:
    """REML fit of y on an intercept and the given columns, with a random intercept per group.

    robust: standard errors from the cluster-robust (sandwich) covariance by group instead of the
    model's own, so correlation left between a group's residuals cannot make intervals too narrow.
    Fitted from per-group sufficient statistics (reml.py); checked against statsmodels' MixedLM.
    The model-based standard errors are the GLS ones, s2 * inv(X' inv(H) X). codes: the groups
    as pd.factorize gives them, when already known.
    """
    codes = pd.factorize(groups)[0] if codes is None else codes
    names = ["intercept", *columns]
    x = np.column_stack([np.ones(len(y)), *columns.values()])
    try:
        sums = GroupSums.of(y, x, codes)
        found = fit_reml(y, x, codes, sums=sums)
    except np.linalg.LinAlgError:
        return _clustered_ols(y, x, groups, names)
    if robust:
        cov = sandwich_cov(
            x, y, groups, found.params, found.group_var, found.residual_var, codes=codes, sums=sums
        )
    else:
        cov = found.cov
    return MixedFit(
        names,
        found.params,
        np.sqrt(np.diag(cov)),
        found.group_var,
        found.residual_var,
        found.converged,
        found.problems,
    )


def sandwich_cov(
    x: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    params: np.ndarray,
    group_var: float,
    residual_var: float,
    *,
    codes: np.ndarray | None = None,
    sums: GroupSums | None = None,
) -> np.ndarray:
    """Cluster-robust covariance of the GLS fixed effects of a random-intercept model.

    With V_g = s2*I + t2*J for a group of n rows, inv(V_g) @ X_g = (X_g - t2 / (s2 + n*t2) *
    colsum(X_g)) / s2, so bread and meat need only group sums. Small-sample factor G / (G - 1).
    sums: the GroupSums of the REML fit, whose group column sums and X'X are reused.
    """
    codes = pd.factorize(groups)[0] if codes is None else codes
    sizes = np.bincount(codes).astype(float)
    n_groups = len(sizes)
    shrink = group_var / (residual_var + sizes * group_var)
    if sums is not None and sums.x_sums is not None:
        x_sums, xtx = sums.x_sums, sums.xtx
    else:
        x_sums, xtx = _group_sums(x, codes, n_groups), x.T @ x
    # bread and scores from group sums: sum_g x_g' inv(V_g) x_g = (X'X - sum_g c_g s_g s_g') / s2
    bread = np.linalg.inv((xtx - x_sums.T @ (shrink[:, None] * x_sums)) / residual_var)
    resid = y - x @ params
    resid_sums = np.bincount(codes, resid, n_groups)
    scores = (
        _group_sums(x * resid[:, None], codes, n_groups) - (shrink * resid_sums)[:, None] * x_sums
    ) / residual_var
    meat = scores.T @ scores * n_groups / max(n_groups - 1, 1)
    return bread @ meat @ bread


def _group_sums(values: np.ndarray, codes: np.ndarray, n_groups: int) -> np.ndarray:
    return np.column_stack([np.bincount(codes, column, n_groups) for column in values.T])


def _clustered_ols(y: np.ndarray, x: np.ndarray, groups: np.ndarray, names: list[str]) -> MixedFit:
    """When the group variance sits at zero the mixed model is singular; it then equals OLS, whose
    standard errors are made robust to clustering by group."""
    codes = pd.factorize(groups)[0]
    result = sm.OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": codes})
    return MixedFit(
        names, np.asarray(result.params), np.asarray(result.bse), 0.0, float(result.scale), True
    )
