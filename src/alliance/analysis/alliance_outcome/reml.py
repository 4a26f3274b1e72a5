"""A random-intercept linear model fitted by REML from per-group sufficient statistics.

y = X b + u[g] + e, u ~ N(0, t2), e ~ N(0, s2). With gamma = t2 / s2, a group of n rows has
inv(I + gamma J) = I - c J, c = gamma / (1 + n gamma), so X' inv(H) X, X' inv(H) y and y' inv(H) y
need only the whole-table cross-products and each group's size and column sums. The REML
likelihood, profiled over s2, is then a function of gamma alone, minimised in one dimension on
log(gamma) (with gamma = 0 checked as the boundary). Groups of one size are summed together, so
each evaluation costs O(distinct sizes x k^2) and the table is read once: a million groups cost
what a few dozen do, after one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar

LOG_GAMMA_BOUNDS = (-25.0, 25.0)  # variance ratios from 1e-11 to 7e10
TOLERANCE = 1e-10  # on log(gamma)


@dataclass(frozen=True)
class GroupSums:
    """What the REML likelihood needs of the data: cross-products, summed by group size.

    Every group of n rows enters the likelihood through c(n) = gamma / (1 + n gamma) times its
    column sums' outer products, so the groups of one size are added up once: a step of the search
    then costs O(sizes x k^2), and clients have a few dozen sizes however many they are.
    """

    sizes: np.ndarray  # each distinct group size
    counts: np.ndarray  # groups of that size
    x_outer: np.ndarray  # (sizes, k, k): sum over the groups of that size of x_sum x_sum'
    xy_outer: np.ndarray  # (sizes, k): sum of x_sum * y_sum
    y_squares: np.ndarray  # (sizes,): sum of y_sum ** 2
    xtx: np.ndarray
    xty: np.ndarray
    yty: float
    x_sums: np.ndarray | None = None  # (groups, k): each group's column sums, kept for reuse

    @classmethod
    def of(cls, y: np.ndarray, x: np.ndarray, codes: np.ndarray) -> GroupSums:
        n_groups = int(codes.max()) + 1
        x_sums = np.column_stack([np.bincount(codes, col, n_groups) for col in x.T])
        y_sums = np.bincount(codes, y, n_groups)
        sizes, size_of = np.unique(np.bincount(codes, minlength=n_groups), return_inverse=True)
        x_outer = np.empty((len(sizes), x.shape[1], x.shape[1]))
        xy_outer = np.empty((len(sizes), x.shape[1]))
        y_squares = np.empty(len(sizes))
        for n in range(len(sizes)):
            mine = size_of == n
            x_outer[n] = x_sums[mine].T @ x_sums[mine]
            xy_outer[n] = x_sums[mine].T @ y_sums[mine]
            y_squares[n] = y_sums[mine] @ y_sums[mine]
        counts = np.bincount(size_of, minlength=len(sizes)).astype(float)
        return cls(
            sizes.astype(float),
            counts,
            x_outer,
            xy_outer,
            y_squares,
            x.T @ x,
            x.T @ y,
            float(y @ y),
            x_sums,
        )

    @property
    def n_rows(self) -> int:
        return int(self.sizes @ self.counts)


@dataclass(frozen=True)
class RemlFit:
    params: np.ndarray
    cov: np.ndarray  # model-based covariance of params
    group_var: float
    residual_var: float
    converged: bool
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class _AtRatio:
    criterion: float
    params: np.ndarray
    inverse: np.ndarray  # inv(X' inv(H) X)
    residual_var: float


def _at_ratio(sums: GroupSums, gamma: float) -> _AtRatio:
    """-2 x the profiled REML log-likelihood (constants dropped) and the GLS fit at gamma."""
    shrink = gamma / (1.0 + sums.sizes * gamma)
    xhx = sums.xtx - np.einsum("s,sij->ij", shrink, sums.x_outer)
    xhy = sums.xty - shrink @ sums.xy_outer
    yhy = sums.yty - float(shrink @ sums.y_squares)
    inverse = np.linalg.inv(xhx)
    params = inverse @ xhy
    dof = sums.n_rows - len(params)
    residual_var = (yhy - float(params @ xhy)) / dof
    sign, logdet = np.linalg.slogdet(xhx)
    criterion = (
        dof * np.log(residual_var) + float(sums.counts @ np.log1p(sums.sizes * gamma)) + logdet
        if sign > 0 and residual_var > 0
        else np.inf
    )
    return _AtRatio(criterion, params, inverse, residual_var)


def fit_reml(
    y: np.ndarray, x: np.ndarray, codes: np.ndarray, *, sums: GroupSums | None = None
) -> RemlFit:
    """REML fit of y on the columns of x with a random intercept per group code (0..G-1).

    Raises numpy.linalg.LinAlgError when X' inv(V) X is singular (collinear columns).
    sums: GroupSums.of(y, x, codes), when already worked out.
    """
    sums = GroupSums.of(y, x, codes) if sums is None else sums
    found = minimize_scalar(
        lambda log_gamma: _at_ratio(sums, float(np.exp(log_gamma))).criterion,
        bounds=LOG_GAMMA_BOUNDS,
        method="bounded",
        options={"xatol": TOLERANCE, "maxiter": 500},
    )
    gamma = float(np.exp(found.x))
    best = _at_ratio(sums, gamma)
    problems = [] if found.success else [f"the variance ratio search stopped: {found.message}"]
    at_zero = _at_ratio(sums, 0.0)
    if at_zero.criterion <= best.criterion:
        gamma, best = 0.0, at_zero
        problems.append("the between-group variance is estimated at zero (a boundary fit)")
    if not np.isfinite(best.criterion):
        problems.append("the likelihood is not finite at the estimate")
    return RemlFit(
        best.params,
        best.residual_var * best.inverse,
        gamma * best.residual_var,
        best.residual_var,
        converged=bool(found.success) and np.isfinite(best.criterion),
        problems=tuple(problems),
    )
