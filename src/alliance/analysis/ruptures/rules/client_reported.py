"""client-reported: the client said after the session that something felt off.

A faint report ('a little') can be asked to agree with the scores: it then counts only when the
session is also at least corroborate_k SD_ref below the client's baseline. A clear one counts alone,
or, when clear_k is set, with a smaller drop of clear_k SD_ref. With corroborate_with 'signs' both
thresholds apply to the evidence of all the signs (signs.py) instead of the drop alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from ..config import RuleConfig, positive
from ..context import Context
from ..signs import evidence_of
from .v_episode import below_baseline


@dataclass(frozen=True)
class ClientReported(RuleConfig):
    """The client's own post-session answer that something felt off."""

    name: ClassVar[str] = "client-reported"
    min_level: int = 1  # 1: 'a little' or more; 2: only 'yes, clearly'
    corroborate_k: float | None = None  # reports under alone_level need a drop of this many SD_ref
    alone_level: int = 2  # reports at or above this level need no corroboration (unless clear_k)
    clear_k: float | None = None  # ... or, when set, a drop of this many SD_ref
    corroborate_with: str = "drop"  # or "signs": the evidence of all the signs (signs.py)

    def problems(self) -> list[str]:
        found = positive(self, "min_level", "alone_level")
        for name in ("corroborate_k", "clear_k"):
            found += [] if getattr(self, name) is None else positive(self, name)
        if self.corroborate_with not in ("drop", "signs"):
            found.append(
                f"corroborate_with must be 'drop' or 'signs', not {self.corroborate_with!r}"
            )
        return found

    @property
    def needs(self) -> tuple[str, ...]:
        return ("rupture_reported",)

    @property
    def reads_signs(self) -> bool:
        return self.corroborate_with == "signs"

    def drop_ks(self) -> list[float]:
        if self.reads_signs:
            return []  # its thresholds weigh the signs together, not the drop
        return [k for k in (self.corroborate_k, self.clear_k) if k is not None]

    def detect(self, context: Context) -> np.ndarray:
        reported = context.require("rupture_reported", f"rule {self.name}")
        with np.errstate(invalid="ignore"):
            any_report = reported >= self.min_level
            if self.corroborate_k is None and self.clear_k is None:
                return any_report
            clear = reported >= max(self.alone_level, self.min_level)
        faint = any_report & ~clear
        backed = _by_signs if self.reads_signs else _by_drop
        return backed(clear, self.clear_k, context) | backed(faint, self.corroborate_k, context)


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
        return reports & (evidence_of(context).strength >= k)
