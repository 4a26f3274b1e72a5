"""The outcome: PHQ-9 totals that fall over log(session), moved by last session's alliance."""

from __future__ import annotations

import numpy as np

from .config import ClinicConfig
from .people import Clients


def expected_outcome(session: int, clients: Clients, last_alliance: np.ndarray,
                     config: ClinicConfig) -> np.ndarray:
    """The expected PHQ-9 total at this session (session 2 on), before noise and clipping.

    The within-client term uses the alliance the client reported last session, as a deviation from
    the client's own trait, so a lagged regression on reported scores estimates `within_effect`.
    """
    course = clients.intake - clients.slope * np.log(session)
    between = config.between_effect * (clients.trait - config.trait_population_mean)
    within = config.within_effect * (last_alliance - clients.trait)
    return course + between + within


def outcome_at(session: int, clients: Clients, last_alliance: np.ndarray, config: ClinicConfig,
               rng: np.random.Generator) -> np.ndarray:
    """The observed PHQ-9 total (whole number, 0-27); session 1 is the intake score."""
    noise = rng.normal(0.0, config.outcome_noise_sd, size=len(clients.intake))
    if session == 1:
        return clients.intake.astype(int)
    expected = expected_outcome(session, clients, last_alliance, config)
    return np.clip(np.rint(expected + noise), 0, 27).astype(int)
