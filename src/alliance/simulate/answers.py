"""Item-level answers: the client and therapist check-ins and the PHQ-9, as integers in range."""

from __future__ import annotations

import numpy as np
from scipy.special import ndtri

from .alliance import SessionDrop
from .config import ClinicConfig

MISSING = -1


def alliance_items(latent: np.ndarray, noise_sd: float, rng: np.random.Generator) -> np.ndarray:
    """Six 0-10 items, two per dimension (goal, task, bond), from latent values (n, 3)."""
    doubled = np.repeat(latent, 2, axis=1)
    answered = np.rint(doubled + rng.normal(0.0, noise_sd, size=doubled.shape))
    return np.clip(answered, 0, 10).astype(np.int8)


def client_rupture_items(
    drop: SessionDrop, config: ClinicConfig, rng: np.random.Generator
) -> np.ndarray:
    """Item 8 ('did something feel off', 0/1/2) and item 9 ('talked through', or MISSING).

    An ordered-probit answer: the felt strain is the rupture's present depth (observed SD units)
    times client_report_per_sd, plus a share of the session's ordinary dip, plus unit noise; the
    two cut points give 'a little' and 'yes, clearly' at the set rates in sessions with no rupture.
    """
    n = len(drop.in_rupture)
    draws = rng.random((3, n))
    noise = ndtri(np.clip(draws[0], 1e-12, None))  # a standard normal draw
    weight = config.client_dip_report_weight
    felt = config.client_report_per_sd * drop.strain + weight * drop.dip + noise
    spread = np.sqrt(1.0 + weight**2)  # SD of the felt strain without a rupture
    tension = config.client_tension_report_prob
    a_little = spread * ndtri(1.0 - tension)
    clearly = spread * ndtri(1.0 - tension * config.client_clear_share)
    item8 = (felt >= a_little).astype(int) + (felt >= clearly).astype(int)
    item9 = np.where(item8 > 0, np.minimum((draws[2] * 3).astype(int), 2), MISSING)
    return np.stack([item8, item9], axis=1).astype(np.int8)


def therapist_items(
    latent: np.ndarray, drop: SessionDrop, config: ClinicConfig, rng: np.random.Generator
) -> np.ndarray:
    """The therapist's mirror: items 1-6 (0-10), 7 strain (0/1/2), 8 talked through (or MISSING)."""
    share = np.where(
        drop.noticed, config.therapist_noticed_drop_share, config.therapist_unnoticed_drop_share
    )
    # Therapists see the client's level but only part of what a rupture takes away from it.
    seen = latent + drop.dimensions * (1.0 - share)[:, None] + config.therapist_rating_bias
    seen = seen + rng.normal(0.0, config.therapist_noise_sd, size=seen.shape)
    items = alliance_items(seen, config.item_noise_sd, rng)
    draws = rng.random((3, len(share)))
    strain = drop.noticed | (draws[0] < config.therapist_tension_report_prob)
    item7 = np.where(strain, np.where(drop.noticed & (draws[1] < 0.5), 2, 1), 0)
    item8 = np.where(strain, np.minimum((draws[2] * 3).astype(int), 2), MISSING)
    return np.column_stack([items, item7, item8]).astype(np.int8)


def phq_items(
    totals: np.ndarray, weights: np.ndarray, at_risk: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Split each PHQ-9 total (0-27) into nine items of 0-3 that add up to it.

    `weights` (m, 9) is each client's symptom profile. Item 9 (self-harm) stays 0 unless the client
    is at risk, or the total cannot be reached without it.
    """
    caps = np.full(weights.shape, 3)
    caps[:, 8] = np.where(at_risk | (totals > 24), 3, 0)
    weights = np.where(caps > 0, weights, 0.0)
    target = totals[:, None] * weights / weights.sum(axis=1, keepdims=True)
    items = np.minimum(np.floor(target), caps).astype(int)
    remaining = totals.astype(int) - items.sum(axis=1)
    rows = np.flatnonzero(remaining > 0)
    while len(rows):
        gap = target[rows] - items[rows] + rng.uniform(0.0, 0.5, size=(len(rows), 9))
        gap[items[rows] >= caps[rows]] = -np.inf
        items[rows, np.argmax(gap, axis=1)] += 1
        remaining[rows] -= 1
        rows = rows[remaining[rows] > 0]
    return items.astype(np.int8)
