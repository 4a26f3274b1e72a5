"""converging-signs: the scores alone hold evidence of a rupture too strong for an ordinary session.

The evidence (signs.py) is the alliance's drop, or that drop with one dimension falling beyond the
other two and the therapist rating the session above the client, whichever is stronger.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from ..config import RuleConfig, positive
from ..context import Context
from ..signs import evidence_of, require_pattern_signs


@dataclass(frozen=True)
class ConvergingSigns(RuleConfig):
    """The alliance below its baseline with evidence of k SD_ref: its drop, or its drop with the
    other signs (one dimension falling beyond the others, the therapist rating above the client)."""

    name: ClassVar[str] = "converging-signs"
    k: float = 4.0

    def problems(self) -> list[str]:
        return positive(self, "k")

    @property
    def reads_signs(self) -> bool:
        return True

    def detect(self, context: Context) -> np.ndarray:
        require_pattern_signs(context, f"rule {self.name}")
        with np.errstate(invalid="ignore"):
            return evidence_of(context).strength >= self.k
