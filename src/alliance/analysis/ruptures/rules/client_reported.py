"""client-reported: the client said after the session that something felt off.

A faint report ('a little') can be asked to agree with the scores: it then counts only when the
session is also at least corroborate_k SD_ref below the client's baseline. A clear one counts alone.
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
        if rule.corroborate_k is None:
            return any_report
        clear = reported >= max(rule.alone_level, rule.min_level)
    ref = context.reference
    dropped = below_baseline(context.alliance, ref.baseline, ref.sd_ref, rule.corroborate_k)
    return clear | (any_report & dropped)
