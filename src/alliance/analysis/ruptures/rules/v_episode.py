"""v-episode: a session at least k SD_ref below the mean of the client's earlier sessions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from ..config import RuleConfig, positive
from ..context import Context


def below_baseline(x: np.ndarray, baseline: np.ndarray, sd_ref: np.ndarray, k: float) -> np.ndarray:
    """Sessions at least k SD_ref under their baseline (and under it at all, should SD_ref be 0)."""
    with np.errstate(invalid="ignore"):
        return (x <= baseline - k * sd_ref) & (x < baseline)


@dataclass(frozen=True)
class VEpisode(RuleConfig):
    """A session k SD_ref or more below the client's baseline (k=2 Stiles 2004, 1 Strauss 2006)."""

    name: ClassVar[str] = "v-episode"
    k: float = 2.0

    def problems(self) -> list[str]:
        return positive(self, "k")

    def drop_ks(self) -> list[float]:
        return [self.k]

    def detect(self, context: Context) -> np.ndarray:
        ref = context.reference
        return below_baseline(context.alliance, ref.baseline, ref.sd_ref, self.k)
