"""client-reported: the client said after the session that something felt off.

A faint report ('a little') can be asked to agree with the scores: it then counts only when the
session is also at least corroborate_k SD_ref below the client's baseline. A clear one counts alone,
or, when clear_k is set, with a smaller drop of clear_k SD_ref. With corroborate_with 'signs' both
thresholds apply to the evidence of all the signs (signs.py) instead of the drop alone.
"""

from __future__ import annotations

import numpy as np

from ..config import ClientReported
from ..context import Context
from .v_episode import below_baseline


def detect(rule: ClientReported, context: Context) -> np.ndarray:
    reported = context.require("rupture_reported", f"rule {rule.name}")
    with np.errstate(invalid="ignore"):
        any_report = reported >= rule.min_level
        if rule.corroborate_k is None and rule.clear_k is None:
            return any_report
        clear = reported >= max(rule.alone_level, rule.min_level)
    faint = any_report & ~clear
    backed = _by_signs if rule.corroborate_with == "signs" else _by_drop
    return backed(clear, rule.clear_k, context) | backed(faint, rule.corroborate_k, context)


def _by_drop(reports: np.ndarray, k: float | None, context: Context) -> np.ndarray:
    """The reports that count: all of them when k is None, else those with a drop of k SD_ref."""
    if k is None:
        return reports
    ref = context.reference
    return reports & below_baseline(context.alliance, ref.baseline, ref.sd_ref, k)


def _by_signs(reports: np.ndarray, k: float | None, context: Context) -> np.ndarray:
    """The reports that count: all of them when k is None, else those with evidence of k SD_ref."""
    if k is None:
        return reports
    with np.errstate(invalid="ignore"):
        return reports & (context.evidence.strength >= k)
