"""converging-signs: the scores alone hold evidence of a rupture too strong for an ordinary session.

The evidence (signs.py) is the alliance's drop, or that drop with one dimension falling beyond the
other two and the therapist rating the session above the client, whichever is stronger.
"""

from __future__ import annotations

import numpy as np

from ..config import ConvergingSigns
from ..context import Context


def detect(rule: ConvergingSigns, context: Context) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return context.evidence.strength >= rule.k
