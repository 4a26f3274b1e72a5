"""sudden-loss: Tang & DeRubeis (1999) sudden-gain criteria, mirrored for a drop.

The loss falls between session t-1 and session t: (1) at least the reliable change, (2) at least a
given fraction of the score at t-1, and (3) the mean of sessions t-3..t-1 above the mean of t..t+2
by a t-test, whose critical value rises when one or two of those six sessions are missing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from alliance.measures import Instrument

from ..config import ConfigError, RuleConfig, positive
from ..context import Context

WINDOW = 3


@dataclass(frozen=True)
class SuddenLoss(RuleConfig):
    """Tang & DeRubeis (1999) sudden-gain criteria mirrored for a session-to-session loss."""

    name: ClassVar[str] = "sudden-loss"
    reliable_change: float | None = None  # None: the instrument's reliable change
    min_fraction: float = 0.25
    critical_t: tuple[float, float, float] = (2.776, 3.182, 4.303)  # 0, 1, 2 of 6 sessions missing

    def problems(self) -> list[str]:
        found = [] if self.reliable_change is None else positive(self, "reliable_change")
        if len(self.critical_t) != 3:
            found.append("critical_t needs three values (none, one, two sessions missing)")
        return found + positive(self, "min_fraction")

    def resolve(self, instrument: Instrument) -> SuddenLoss:
        if self.reliable_change is not None:
            return self
        if instrument.reliable_change is None:
            raise ConfigError(
                f"rule {self.name}: instrument {instrument.id} has no reliable change; "
                "give reliable_change"
            )
        return dataclasses.replace(self, reliable_change=instrument.reliable_change.value)

    def detect(self, context: Context) -> np.ndarray:
        x, sessions = context.alliance, context.sessions
        before = np.column_stack([sessions.shift(x, -h) for h in range(1, WINDOW + 1)])
        after = np.column_stack([x] + [sessions.shift(x, h) for h in range(1, WINDOW)])
        drop = before[:, 0] - x
        with np.errstate(invalid="ignore"):
            large = (drop >= self.reliable_change) & (drop >= self.min_fraction * before[:, 0])
        return large & _significant(before, after, self.critical_t)


def _significant(before: np.ndarray, after: np.ndarray, critical: tuple[float, ...]) -> np.ndarray:
    n1, n2 = (~np.isnan(before)).sum(axis=1), (~np.isnan(after)).sum(axis=1)
    missing = 2 * WINDOW - n1 - n2
    usable = (n1 >= 2) & (n2 >= 2) & (missing <= 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        m1, m2 = np.nanmean(_rows(before, usable), axis=1), np.nanmean(_rows(after, usable), axis=1)
        v1, v2 = (
            np.nanvar(_rows(before, usable), axis=1, ddof=1),
            np.nanvar(_rows(after, usable), axis=1, ddof=1),
        )
        pooled = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
        t = (m1 - m2) / np.sqrt(pooled * (1 / n1 + 1 / n2))
    threshold = np.asarray(critical, dtype=float)[np.clip(missing, 0, 2)]
    with np.errstate(invalid="ignore"):
        return usable & (m1 > m2) & (t > threshold)


def _rows(values: np.ndarray, usable: np.ndarray) -> np.ndarray:
    """Unusable rows blanked to one value per side, so nan-reductions stay quiet and cheap."""
    blanked = values.copy()
    blanked[~usable] = 0.0
    return blanked
