"""therapist-gap: the therapist rated the session much higher than the client did."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from ..config import RuleConfig, positive
from ..context import Context


@dataclass(frozen=True)
class TherapistGap(RuleConfig):
    """The therapist rates the session at least `gap` points higher than the client does."""

    name: ClassVar[str] = "therapist-gap"
    gap: float = 2.0

    def problems(self) -> list[str]:
        return positive(self, "gap")

    @property
    def needs(self) -> tuple[str, ...]:
        return ("therapist_alliance",)

    def detect(self, context: Context) -> np.ndarray:
        therapist = context.require("therapist_alliance", f"rule {self.name}")
        with np.errstate(invalid="ignore"):
            return therapist - context.alliance >= self.gap
