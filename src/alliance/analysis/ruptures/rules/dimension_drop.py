"""dimension-drop: one of goal, task and bond falls below its own baseline while the others hold."""

from __future__ import annotations

import numpy as np

from alliance.measures import DIMENSIONS

from ..config import DimensionDrop
from ..context import Context
from .v_episode import below_baseline


def detect(rule: DimensionDrop, context: Context) -> np.ndarray:
    dropped, held = [], []
    for dimension in DIMENSIONS:
        x = context.require(dimension, f"rule {rule.name}")
        ref = context.reference_of(dimension)
        dropped.append(below_baseline(x, ref.baseline, ref.sd_ref, rule.k))
        with np.errstate(invalid="ignore"):
            held.append(x > ref.baseline - rule.hold_k * ref.sd_ref)
    alone = (np.sum(dropped, axis=0) == 1) & (np.sum(held, axis=0) == len(DIMENSIONS) - 1)
    if rule.report_level == 0:
        return alone
    reported = context.require("rupture_reported", f"rule {rule.name} with report_level")
    with np.errstate(invalid="ignore"):
        return alone & (reported >= rule.report_level)
