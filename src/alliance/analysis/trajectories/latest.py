"""Clients placed from two scores each, their intake and their latest, in plain arrays.

`place_all` builds tables; for the one client a check-in's follow-up places, that costs about a
hundred times the arithmetic. With only an intake (session 1) and a latest score (session k > 1)
the course deviation is the latest deviation itself (the intake's weight, ln 1, is 0), so the
whole placement is a few array operations. `place_latest` gives what `place_all` gives for such
a table, to rounding (checked in tests/analysis/trajectories/test_latest.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .placement import BETTER, NOT_ON_TRACK, ON_TRACK, statuses


@dataclass(frozen=True)
class LatestPlaces:
    """One entry per client: the columns of `place_all` at the latest session."""

    session: np.ndarray
    intake: np.ndarray
    outcome: np.ndarray
    expected: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    deviation: np.ndarray
    band_status: np.ndarray
    status: np.ndarray
    source: np.ndarray
    projected_end: np.ndarray
    projected_change: np.ndarray


def place_latest(model, intake, session, outcome) -> LatestPlaces:
    """Place clients of a fitted ExpectedRecovery from their intake and their latest score at
    `session` (each above 1, counted from the intake as 1)."""
    model.check_fitted("operating_point_")
    intake_a, session_a, outcome_a = (
        np.asarray(v, dtype=float).ravel() for v in (intake, session, outcome)
    )
    if np.any(session_a <= 1):
        raise ValueError("the latest session must come after the intake (session 1)")
    band = model.band_arrays(intake_a, session_a)
    deviation = (outcome_a - band["expected"]) / band["spread"]
    weight = np.log(session_a)
    course_deviation = (weight * deviation) / weight  # as place_all averages it, to the bit
    end = np.maximum(session_a, model.persistence_.end_session)
    at_end = model.band_arrays(intake_a, end)
    share = model.persistence_.at(session_a)
    projected_end = at_end["expected"] + share * course_deviation * at_end["spread"]
    projected_change = projected_end - intake_a
    band_status = statuses(outcome_a, band["lower"], band["upper"])
    return LatestPlaces(
        session=session_a,
        intake=intake_a,
        outcome=outcome_a,
        expected=band["expected"],
        lower=band["lower"],
        upper=band["upper"],
        deviation=deviation,
        band_status=band_status,
        status=_calibrated(model, session_a, projected_change, band_status),
        source=band["source"],
        projected_end=projected_end,
        projected_change=projected_change,
    )


def _calibrated(model, session, projected_change, band_status) -> np.ndarray:
    """projection.calibrated on arrays."""
    threshold = model.operating_point_.at(session)
    late = (session > 1) & (projected_change > threshold)
    status = np.where(late, NOT_ON_TRACK, np.where(band_status == BETTER, BETTER, ON_TRACK))
    return np.where(np.isnan(threshold), band_status, status)
