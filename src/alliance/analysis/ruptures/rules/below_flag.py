"""below-flag: a score under the instrument's flag, or less than perfect after perfect ones."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from alliance.measures import Instrument

from ..config import ConfigError, RuleConfig
from ..context import Context
from ..table import Sessions


@dataclass(frozen=True)
class BelowFlag(RuleConfig):
    """A score under the instrument's flag, or less than perfect after a run of perfect scores."""

    name: ClassVar[str] = "below-flag"
    cutoff: float | None = None  # None: the instrument's cutoff
    comparator: str = "below"  # or "at-or-below"
    perfect: float | None = None  # None: the top of the instrument's scale
    perfect_run: int = 3  # 0 switches the perfect-run trigger off

    def problems(self) -> list[str]:
        found = (
            []
            if self.comparator in ("below", "at-or-below")
            else [f"comparator must be 'below' or 'at-or-below', not {self.comparator!r}"]
        )
        if self.perfect_run < 0:
            found.append(f"perfect_run must be 0 or more, not {self.perfect_run!r}")
        return found

    def resolve(self, instrument: Instrument) -> BelowFlag:
        cutoff, perfect = self.cutoff, self.perfect
        if cutoff is None:
            if instrument.cutoff is None:
                raise ConfigError(
                    f"rule {self.name}: instrument {instrument.id} has no cutoff; give cutoff"
                )
            cutoff = instrument.cutoff.value
        if perfect is None:
            scale = instrument.cutoff.scale if instrument.cutoff else instrument.scales[0].id
            perfect = instrument.scale_range(scale)[1]
        return dataclasses.replace(self, cutoff=float(cutoff), perfect=float(perfect))

    def detect(self, context: Context) -> np.ndarray:
        x = context.alliance
        with np.errstate(invalid="ignore"):
            low = x < self.cutoff if self.comparator == "below" else x <= self.cutoff
            if self.perfect_run == 0:
                return low
            perfect = x >= self.perfect
            run_before = context.sessions.shift(perfect_run_lengths(perfect, context.sessions), -1)
            return low | ((run_before >= self.perfect_run) & (x < self.perfect))


def perfect_run_lengths(perfect: np.ndarray, sessions: Sessions) -> np.ndarray:
    """How many perfect sessions in a row end at each session (0 where it is not perfect)."""
    rows = np.arange(sessions.n)
    last_break = np.maximum.accumulate(np.where(perfect, -1, rows)) if sessions.n else rows
    last_break = np.maximum(last_break, sessions.start - 1)
    return (rows - last_break).astype(float)
