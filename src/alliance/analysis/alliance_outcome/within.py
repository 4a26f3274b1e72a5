"""The within-client effect: least squares on each client's own course, clustered by client."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import t as t_dist


def own_course_residual(
    values: np.ndarray, codes: np.ndarray, log_s: np.ndarray | None
) -> np.ndarray:
    """Values minus the client's mean, and minus the client's own line on log(session) if given."""
    n_groups = int(codes.max()) + 1
    counts = np.bincount(codes, minlength=n_groups).astype(float)
    centred = values - (np.bincount(codes, values, n_groups) / counts)[codes]
    if log_s is None:
        return centred
    log_c = log_s - (np.bincount(codes, log_s, n_groups) / counts)[codes]
    sxx = np.bincount(codes, log_c * log_c, n_groups)
    sxy = np.bincount(codes, log_c * centred, n_groups)
    slope = np.divide(sxy, sxx, out=np.zeros(n_groups), where=sxx > 1e-12)
    return centred - slope[codes] * log_c


def within_client_fit(
    y: np.ndarray,
    columns: dict[str, np.ndarray],
    groups: np.ndarray,
    log_s: np.ndarray | None,
    *,
    robust: bool = True,
    alpha: float = 0.05,
) -> tuple[float, float, float]:
    """Estimate and (1 - alpha) interval of the first column, every client's own course removed.

    By Frisch-Waugh-Lovell this equals least squares with a dummy (and a log(session) slope, when
    log_s is given) per client. robust: cluster-robust by client (CR1), consistent for short
    series with many clients, with t on G - 1 degrees of freedom; else the classical OLS interval.
    """
    codes = pd.factorize(groups)[0]
    x = np.column_stack([own_course_residual(c, codes, log_s) for c in columns.values()])
    y_dev = own_course_residual(y, codes, log_s)
    bread = np.linalg.pinv(x.T @ x)
    params = bread @ x.T @ y_dev
    resid = y_dev - x @ params
    n_groups, n_rows, k = int(codes.max()) + 1, len(y), x.shape[1]
    if robust:
        cov, dof = _cluster_cov(x, resid, codes, bread, n_groups), n_groups - 1
    else:
        per_client = 2 if log_s is not None else 1
        dof = max(n_rows - k - per_client * n_groups, 1)
        cov = bread * float(resid @ resid) / dof
    half = t_dist.ppf(1 - alpha / 2, dof) * np.sqrt(cov[0, 0])
    return float(params[0]), float(params[0] - half), float(params[0] + half)


def _cluster_cov(
    x: np.ndarray, resid: np.ndarray, codes: np.ndarray, bread: np.ndarray, n_groups: int
) -> np.ndarray:
    """CR1 sandwich: client score sums, G/(G-1) * (N-1)/(N-K) (the client terms are not counted:
    they are nested in the clusters, Cameron & Miller 2015)."""
    scores = np.zeros((n_groups, x.shape[1]))
    np.add.at(scores, codes, x * resid[:, None])
    n_rows, k = x.shape
    factor = n_groups / max(n_groups - 1, 1) * (n_rows - 1) / max(n_rows - k, 1)
    return bread @ (scores.T @ scores) @ bread * factor
