"""Each session's reference: the mean of the client's earlier sessions and the SD it is judged by.

Everything is a cumulative sum over the sorted rows with each client's offset taken off, so a
million sessions cost a few array passes and no loop over clients.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import BaselineConfig
from .table import Sessions


@dataclass(frozen=True)
class Reference:
    """Per-row baseline (NaN until enough earlier sessions) and SD_ref (the larger SD)."""

    baseline: np.ndarray
    sd_ref: np.ndarray
    n_earlier: np.ndarray
    between_sd: float


def group_cumsum(values: np.ndarray, sessions: Sessions) -> np.ndarray:
    """Running total within each client, including the row itself."""
    total = np.cumsum(values)
    return total - (total[sessions.start] - values[sessions.start])


def earlier_stats(x: np.ndarray, sessions: Sessions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Count, sum and sum of squares of each client's sessions before this one (missing skipped)."""
    seen = ~np.isnan(x)
    value = np.where(seen, x, 0.0)
    count = group_cumsum(seen.astype(float), sessions) - seen
    total = group_cumsum(value, sessions) - value
    squares = group_cumsum(value * value, sessions) - value * value
    return count, total, squares


def _sd(count: np.ndarray, total: np.ndarray, squares: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        variance = (squares - total * total / count) / (count - 1)
    return np.where(count >= 2, np.sqrt(np.clip(variance, 0.0, None)), np.nan)


def _whole_series_sd(x: np.ndarray, sessions: Sessions) -> np.ndarray:
    count, total, squares = earlier_stats(x, sessions)
    last = sessions.start + sessions.length - 1
    seen = ~np.isnan(x[last])
    value = np.where(seen, x[last], 0.0)
    return _sd(count[last] + seen, total[last] + value, squares[last] + value * value)


def reference(x: np.ndarray, sessions: Sessions, config: BaselineConfig) -> Reference:
    """The baseline and SD_ref of every row for the score x (alliance, or one dimension)."""
    count, total, squares = earlier_stats(x, sessions)
    with np.errstate(invalid="ignore", divide="ignore"):
        baseline = np.where(count >= config.min_earlier, total / count, np.nan)
    within = _within(x, sessions, config.within_sd, (count, total, squares))
    between = config.between_sd
    if between is None:
        between = BETWEEN_METHODS[config.between_method](x, sessions)
    sd_ref = np.fmax(within, between)
    return Reference(baseline, sd_ref, count, between)


def recent_mean(x: np.ndarray, sessions: Sessions, last: int) -> np.ndarray:
    """Per row: the mean of the client's `last` attended sessions before it (NaN: none yet)."""
    seen = ~np.isnan(x)
    seen_before = np.cumsum(seen) - seen  # attended sessions before the row, over all clients
    first_seen = seen_before[sessions.start]  # ... before the row's client began
    running = np.r_[0.0, np.cumsum(np.where(seen, x, 0.0)[seen])]
    since = np.maximum(seen_before - last, first_seen)
    count = seen_before - since
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, (running[seen_before] - running[since]) / count, np.nan)


def successive_sd(x: np.ndarray, sessions: Sessions) -> float:
    """The sample's typical session-to-session noise, robust to trends, ruptures and heavy tails:
    the median absolute difference between a client's successive sessions, as an SD (von Neumann's
    successive differences, with the median in place of the mean square)."""
    steps = x - sessions.shift(x, -1)
    steps = np.abs(steps[~np.isnan(steps)])
    return float(np.median(steps) / (0.6745 * np.sqrt(2))) if len(steps) else 0.0


def _within(x: np.ndarray, sessions: Sessions, how: str, earlier: tuple) -> np.ndarray:
    if how == "earlier":
        return _sd(*earlier)
    if how == "all":
        return _whole_series_sd(x, sessions)
    return np.full(len(x), np.nan)  # "none": the given between_sd alone (a known SD)


def _total_sd(x: np.ndarray, sessions: Sessions | None = None) -> float:
    return float(np.nanstd(x, ddof=1)) if np.sum(~np.isnan(x)) > 1 else 0.0


def pooled_within_sd(x: np.ndarray, sessions: Sessions) -> float:
    """The sample's typical session-to-session SD: deviations from each client's mean, pooled."""
    seen = ~np.isnan(x)
    count = np.bincount(sessions.client, weights=seen.astype(float))
    total = np.bincount(sessions.client, weights=np.where(seen, x, 0.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (total / count)[sessions.client]
    squares = float(np.sum(np.where(seen, (x - mean) ** 2, 0.0)))
    freedom = float(seen.sum() - np.sum(count > 0))
    return float(np.sqrt(squares / freedom)) if freedom > 0 else 0.0


BETWEEN_METHODS = {"pooled": pooled_within_sd, "total": _total_sd, "successive": successive_sd}
