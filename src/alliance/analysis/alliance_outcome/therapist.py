"""How much of the outcome differs between therapists: the intraclass correlation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .mixed import fit_random_intercept


@dataclass(frozen=True)
class TherapistShare:
    """Share of the session outcome variance (after the course over sessions) between therapists."""

    icc: float
    therapist_var: float
    residual_var: float
    n_therapists: int
    n_sessions: int

    def reading(self) -> str:
        return (
            f"{100 * self.icc:.1f}% of the variation in outcome scores (after the usual course "
            f"over sessions) lies between the {self.n_therapists} therapists."
        )


def therapist_share(
    table: pd.DataFrame, *, outcome: str, session: str, therapist: str
) -> TherapistShare | None:
    """ICC from a random intercept for therapist, controlling for log(session); None if < 2."""
    if therapist not in table or table[therapist].nunique() < 2:
        return None
    y = table[outcome].to_numpy(dtype=float)
    log_s = np.log(table[session].to_numpy(dtype=float))
    fit = fit_random_intercept(y, {"log_session": log_s}, table[therapist].astype(str).to_numpy())
    icc = fit.group_var / (fit.group_var + fit.residual_var)
    return TherapistShare(
        icc, fit.group_var, fit.residual_var, int(table[therapist].nunique()), len(table)
    )
