"""dimension-drop: one of goal, task and bond falls below its own baseline while the others hold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from alliance.measures import DIMENSIONS

from ..config import RuleConfig, positive
from ..context import Context
from .v_episode import below_baseline


@dataclass(frozen=True)
class DimensionDrop(RuleConfig):
    """One dimension k SD_ref below its own baseline while the others stay within hold_k SD_ref."""

    name: ClassVar[str] = "dimension-drop"
    k: float = 2.0
    hold_k: float = 1.0
    report_level: int = 0  # above 0: the client must also report at least this level (item 8)

    def problems(self) -> list[str]:
        found = (
            []
            if self.report_level >= 0
            else [f"report_level must be 0 or more, not {self.report_level!r}"]
        )
        return found + positive(self, "k", "hold_k")

    @property
    def needs(self) -> tuple[str, ...]:
        return DIMENSIONS + (("rupture_reported",) if self.report_level else ())

    def drop_ks(self) -> list[float]:
        return [self.k]

    def detect(self, context: Context) -> np.ndarray:
        dropped, held = [], []
        for dimension in DIMENSIONS:
            x = context.require(dimension, f"rule {self.name}")
            ref = context.reference_of(dimension)
            dropped.append(below_baseline(x, ref.baseline, ref.sd_ref, self.k))
            with np.errstate(invalid="ignore"):
                held.append(x > ref.baseline - self.hold_k * ref.sd_ref)
        alone = (np.sum(dropped, axis=0) == 1) & (np.sum(held, axis=0) == len(DIMENSIONS) - 1)
        if self.report_level == 0:
            return alone
        reported = context.require("rupture_reported", f"rule {self.name} with report_level")
        with np.errstate(invalid="ignore"):
            return alone & (reported >= self.report_level)
