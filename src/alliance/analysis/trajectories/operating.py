"""The not-on-track call at a stated operating point, calibrated on the clinic's own history.

Expected-recovery systems flag the clients whose projected course is worst. Here the call is made
on the projected change (projection.py), against a threshold per session learned from the
history: among the history's clients who went on to improve reliably, `specificity` of them (0.85
by default) had a projected change at that session at or below the threshold. A client above it is
projected to end worse than almost every client who did improve, and is called not on track.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .placement import at_last_session


@dataclass(frozen=True)
class OperatingPoint:
    """Projected-change thresholds by session; above the threshold is not on track."""

    thresholds: pd.Series
    specificity: float
    reliable_change: float

    def at(self, session: np.ndarray) -> np.ndarray:
        """The threshold at each session (between known sessions interpolated, beyond held);
        NaN when the history was too small to learn any (the band alone then makes the call)."""
        if self.thresholds.empty:
            return np.full(len(session), np.nan)
        known = self.thresholds.index.to_numpy(dtype=float)
        capped = np.clip(session, known.min(), known.max())
        return np.interp(capped, known, self.thresholds.to_numpy())


def fit_operating_point(
    projected_rows: pd.DataFrame, reliable_change: float, specificity: float, min_clients: int
) -> OperatingPoint:
    """From every history session's projection, the threshold per session (see module doc)."""
    _, ends = at_last_session(projected_rows, ["session", "outcome", "intake"])
    improved = (ends["outcome"] - ends["intake"]).to_numpy() <= -reliable_change
    session = projected_rows["session"].to_numpy()
    chosen = projected_rows[improved & (session > 1) & (session < ends["session"].to_numpy())]
    grouped = chosen.groupby("session")["projected_change"]
    thresholds = grouped.quantile(specificity)[grouped.size() >= min_clients]
    return OperatingPoint(thresholds.astype(float), specificity, reliable_change)
