"""v-episode: a session at least k SD_ref below the mean of the client's earlier sessions."""

from __future__ import annotations

import numpy as np

from ..config import VEpisode
from ..context import Context


def below_baseline(x: np.ndarray, baseline: np.ndarray, sd_ref: np.ndarray, k: float) -> np.ndarray:
    """Sessions at least k SD_ref under their baseline (and under it at all, should SD_ref be 0)."""
    with np.errstate(invalid="ignore"):
        return (x <= baseline - k * sd_ref) & (x < baseline)


def detect(rule: VEpisode, context: Context) -> np.ndarray:
    ref = context.reference
    return below_baseline(context.alliance, ref.baseline, ref.sd_ref, rule.k)
