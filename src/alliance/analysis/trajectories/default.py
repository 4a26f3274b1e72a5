"""The course assumed when a clinic's own history is too small to fit one."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class DefaultCurve:
    """A placeholder course on the PHQ-9 scale: a steady fall on log(session), widening band.

    expected(t) = intake * (1 - relative_drop * ln t), never below 0: with the default 0.2 a client
    is expected about 36 % down by session 6 and 50 % by session 12. spread(t) = sd_start +
    sd_growth * ln t points. These are the project's own round figures, not a published norm:
    replace them with the clinic's own curve as soon as there is enough history.
    """

    relative_drop: float = 0.20
    sd_start: float = 2.0
    sd_growth: float = 1.5

    def expected(self, intake: np.ndarray, session: np.ndarray) -> np.ndarray:
        return intake * np.clip(1.0 - self.relative_drop * np.log(session), 0.0, None)

    def spread(self, session: np.ndarray) -> np.ndarray:
        return self.sd_start + self.sd_growth * np.log(session)

    def note(self, stratum: str) -> str:
        return (
            f"Stratum {stratum}: too little history, so the project's default curve was used "
            "(not the clinic's own); treat the band as a rough guide."
        )
