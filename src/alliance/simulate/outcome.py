"""The outcome: PHQ-9 totals that fall over log(session), moved by last session's alliance."""

from __future__ import annotations

import numpy as np
from scipy.special import ndtr

from .config import ClinicConfig
from .people import Clients

_THRESHOLDS = np.arange(1, 11) - 0.5  # an answer reaches k when the latent value passes k - 0.5


def expected_alliance(clients: Clients, config: ClinicConfig) -> np.ndarray:
    """(n, T) each client's expected reported alliance per session, with no rupture.

    The mean of six rounded items clipped at 0-10; the ceiling makes it fall short of the latent
    level, so deviations from it (not from the latent trait) are what a rupture-free client averages
    zero on.
    """
    sessions = np.arange(1, config.max_sessions + 1)
    level = clients.trait[:, None] + config.alliance_growth * np.log(sessions)[None, :]
    spread = np.sqrt(clients.within_sd**2 + config.dimension_noise_sd**2 + config.item_noise_sd**2)
    per_dimension = [
        ndtr(
            (level[:, :, None] + clients.dimension_offset[:, d, None, None] - _THRESHOLDS)
            / spread[:, None, None]
        ).sum(axis=2)
        for d in range(3)
    ]
    return np.mean(per_dimension, axis=0)


def expected_outcome(
    session: int, clients: Clients, last_deviation: np.ndarray, config: ClinicConfig
) -> np.ndarray:
    """The expected PHQ-9 total at this session (session 2 on), before noise and clipping.

    The within-client term uses the alliance the client reported last session, as a deviation from
    the client's own expected level, so a lagged regression on reported scores estimates
    `within_effect`.
    """
    course = clients.intake - clients.slope * np.log(session)
    between = config.between_effect * (clients.trait - config.trait_population_mean)
    return course + between + config.within_effect * last_deviation


def outcome_at(
    session: int,
    clients: Clients,
    last_deviation: np.ndarray,
    config: ClinicConfig,
    rng: np.random.Generator,
) -> np.ndarray:
    """The observed PHQ-9 total (whole number, 0-27); session 1 is the intake score."""
    noise = rng.normal(0.0, config.outcome_noise_sd, size=len(clients.intake))
    if session == 1:
        return clients.intake.astype(int)
    expected = expected_outcome(session, clients, last_deviation, config)
    return np.clip(np.rint(expected + noise), 0, 27).astype(int)
