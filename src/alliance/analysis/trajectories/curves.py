"""Growth curves on log(session): fixed part by least squares, spread by the method of moments.

Under a mixed model with a random intercept and a random slope on L = log(session), a new client's
score at session t varies around the fixed curve with variance s0 + 2*s01*L + s1*L**2 + s_e,
which is a quadratic in L. Fitting that quadratic to the squared residuals per session gives the
tolerance band without iterating a likelihood, so 50,000 episodes take seconds, not minutes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import norm


def design(log_session: np.ndarray, centred_intake: np.ndarray) -> np.ndarray:
    """Columns: 1, L, intake (centred), intake x L."""
    return np.column_stack(
        [np.ones_like(log_session), log_session, centred_intake, centred_intake * log_session]
    )


@dataclass(frozen=True)
class VarianceCurve:
    """The spread of a new client's score around the fixed curve, as a quadratic in log(session)."""

    coef: np.ndarray
    floor: float
    max_log_session: float

    def at(self, log_session: np.ndarray) -> np.ndarray:
        capped = np.clip(log_session, 0.0, self.max_log_session)
        value = self.coef[0] + self.coef[1] * capped + self.coef[2] * capped**2
        return np.maximum(value, self.floor)


def fit_variance_curve(residuals: np.ndarray, sessions: np.ndarray) -> VarianceCurve:
    """Weighted least squares of the mean squared residual per session on 1, L, L squared."""
    frame = pd.DataFrame({"session": sessions, "squared": residuals**2})
    per = frame.groupby("session")["squared"].agg(["mean", "size"])
    log_s = np.log(per.index.to_numpy(dtype=float))
    floor = 0.05 * float(np.mean(residuals**2)) + 1e-9
    if len(per) < 3:
        return VarianceCurve(np.array([per["mean"].mean(), 0.0, 0.0]), floor, float(log_s.max()))
    basis = np.column_stack([np.ones_like(log_s), log_s, log_s**2])
    root_w = np.sqrt(per["size"].to_numpy(dtype=float))
    coef, *_ = np.linalg.lstsq(basis * root_w[:, None], per["mean"].to_numpy() * root_w, rcond=None)
    return VarianceCurve(coef, floor, float(log_s.max()))


def split_variance(residuals: np.ndarray, clients: np.ndarray) -> tuple[float, float]:
    """Between-client and within-client parts of the residual variance (method of moments)."""
    frame = pd.DataFrame({"client": clients, "r": residuals})
    grouped = frame.groupby("client", sort=False)["r"]
    sizes = grouped.size().to_numpy(dtype=float)
    means = grouped.mean().to_numpy()
    deviations = residuals - grouped.transform("mean").to_numpy()
    dof = max(len(residuals) - len(sizes), 1)
    within = float(np.sum(deviations**2) / dof)
    between = float(np.var(means, ddof=1) - np.mean(within / sizes)) if len(sizes) > 1 else 0.0
    return max(between, 0.0), within


def client_curves(table: pd.DataFrame, value: str, client: str, session: str) -> pd.DataFrame:
    """Each client's own least-squares line on log(session): intercept, slope, residual var."""
    log_s = np.log(table[session].to_numpy(dtype=float))
    y = table[value].to_numpy(dtype=float)
    frame = pd.DataFrame(
        {
            "c": table[client].to_numpy(),
            "x": log_s,
            "y": y,
            "xx": log_s**2,
            "xy": log_s * y,
            "yy": y**2,
        }
    )
    s = frame.groupby("c", sort=False).agg(
        n=("x", "size"),
        x=("x", "sum"),
        y=("y", "sum"),
        xx=("xx", "sum"),
        xy=("xy", "sum"),
        yy=("yy", "sum"),
    )
    sxx = s["xx"] - s["x"] ** 2 / s["n"]
    sxy = s["xy"] - s["x"] * s["y"] / s["n"]
    syy = s["yy"] - s["y"] ** 2 / s["n"]
    slope = (sxy / sxx.where(sxx > 1e-12)).fillna(0.0)
    intercept = (s["y"] - slope * s["x"]) / s["n"]
    rss = (syy - slope * sxy).clip(lower=0.0)
    resid_var = (rss / (s["n"] - 2).clip(lower=1)).where(s["n"] > 2)
    return pd.DataFrame(
        {"n": s["n"], "intercept": intercept, "slope": slope, "residual_var": resid_var}
    )


@functools.lru_cache(maxsize=16)
def band_z(coverage: float) -> float:
    """The normal quantile whose two-sided band holds `coverage`."""
    return float(norm.ppf(0.5 + coverage / 2))


def band_frame(
    intake: np.ndarray,
    session: np.ndarray,
    expected: np.ndarray,
    spread: np.ndarray,
    coverage: float,
    **extra,
) -> pd.DataFrame:
    """Expected scores with the two-sided band holding `coverage` of on-course clients."""
    z = band_z(coverage)
    return pd.DataFrame(
        {
            "intake": intake,
            "session": session,
            "expected": expected,
            "lower": expected - z * spread,
            "upper": expected + z * spread,
            "spread": spread,
            **extra,
        }
    )
