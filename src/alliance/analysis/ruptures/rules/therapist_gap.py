"""therapist-gap: the therapist rated the session much higher than the client did."""

from __future__ import annotations

import numpy as np

from ..config import TherapistGap
from ..context import Context


def detect(rule: TherapistGap, context: Context) -> np.ndarray:
    therapist = context.require("therapist_alliance", f"rule {rule.name}")
    with np.errstate(invalid="ignore"):
        return therapist - context.alliance >= rule.gap
