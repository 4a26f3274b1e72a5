"""The within-client effect: least squares on each client's own course, clustered by client."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import t as t_dist

from .course import ClientCourse


def own_course_residual(
    values: np.ndarray, codes: np.ndarray, log_s: np.ndarray | None
) -> np.ndarray:
    """Values minus the client's mean, and minus the client's own line on log(session) if given."""
    return ClientCourse.of(codes, log_s).residual(values)


def within_client_fit(
    y: np.ndarray,
    columns: dict[str, np.ndarray],
    groups: np.ndarray,
    log_s: np.ndarray | None,
    *,
    robust: bool = True,
    alpha: float = 0.05,
    course: ClientCourse | None = None,
    y_dev: np.ndarray | None = None,
) -> tuple[float, float, float]:
    """Estimate and (1 - alpha) interval of the first column, every client's own course removed.

    By Frisch-Waugh-Lovell this equals least squares with a dummy (and a log(session) slope, when
    log_s is given) per client. robust: cluster-robust by client (CR1), consistent for short
    series with many clients, with t on G - 1 degrees of freedom; else the classical OLS interval.
    course and y_dev: the clients' course (on log_s) and y taken off it, when already known.
    """
    if course is None:
        course = ClientCourse.of(pd.factorize(groups)[0], log_s)
    x = np.column_stack([course.residual(c) for c in columns.values()])
    y_dev = course.residual(y) if y_dev is None else y_dev
    bread = np.linalg.pinv(x.T @ x)
    params = bread @ x.T @ y_dev
    resid = y_dev - x @ params
    n_groups, n_rows, k = course.n_groups, len(y), x.shape[1]
    if robust:
        cov, dof = _cluster_cov(x, resid, course.codes, bread, n_groups), n_groups - 1
    else:
        per_client = 2 if course.log_c is not None else 1
        dof = max(n_rows - k - per_client * n_groups, 1)
        cov = bread * float(resid @ resid) / dof
    half = t_dist.ppf(1 - alpha / 2, dof) * np.sqrt(cov[0, 0])
    return float(params[0]), float(params[0] - half), float(params[0] + half)


def _cluster_cov(
    x: np.ndarray, resid: np.ndarray, codes: np.ndarray, bread: np.ndarray, n_groups: int
) -> np.ndarray:
    """CR1 sandwich: client score sums, G/(G-1) * (N-1)/(N-K) (the client terms are not counted:
    they are nested in the clusters, Cameron & Miller 2015)."""
    scores = np.column_stack(
        [np.bincount(codes, column, n_groups) for column in (x * resid[:, None]).T]
    )
    n_rows, k = x.shape
    factor = n_groups / max(n_groups - 1, 1) * (n_rows - 1) / max(n_rows - k, 1)
    return bread @ (scores.T @ scores) @ bread * factor
