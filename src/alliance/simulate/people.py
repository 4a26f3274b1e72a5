"""Draw the therapists and clients of a synthetic clinic: who they are before the first session."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import ClinicConfig


@dataclass
class Therapists:
    ids: np.ndarray
    repair_skill: np.ndarray


@dataclass
class Clients:
    """One entry per client; arrays of length n_clients."""

    ids: np.ndarray
    therapist: np.ndarray  # index into Therapists
    trait: np.ndarray  # long-run latent alliance, 0-10 scale before the ceiling
    within_sd: np.ndarray  # SD of the session-to-session (AR(1)) deviation
    dimension_offset: np.ndarray  # (n, 3) stable goal/task/bond offsets from the trait
    repair_prob: np.ndarray
    rupture_hazard: np.ndarray
    intake: np.ndarray  # PHQ-9 total at session 1
    slope: np.ndarray  # PHQ-9 points of improvement per unit of log(session); negative = worse
    deteriorates: np.ndarray
    at_risk: np.ndarray
    planned_sessions: np.ndarray
    start_week: np.ndarray


def ids(prefix: str, count: int, width: int) -> np.ndarray:
    """Pseudonymous ids like C0001 or T01, wide enough for the count."""
    width = max(width, len(str(count)))
    return np.array([f"{prefix}{n:0{width}d}" for n in range(1, count + 1)], dtype=object)


def draw_therapists(config: ClinicConfig, rng: np.random.Generator) -> Therapists:
    count = config.therapist_count
    mean, concentration = config.repair_skill_mean, config.repair_skill_concentration
    skill = rng.beta(_beta_a(mean, concentration), _beta_b(mean, concentration), size=count)
    return Therapists(ids("T", count, 2), skill)


def _beta_a(mean: float, concentration: float) -> float:
    return max(mean * concentration, 1e-3)


def _beta_b(mean: float, concentration: float) -> float:
    return max((1.0 - mean) * concentration, 1e-3)


def draw_clients(config: ClinicConfig, therapists: Therapists, rng: np.random.Generator) -> Clients:
    n = config.n_clients
    therapist = rng.integers(0, len(therapists.ids), size=n)
    repair_factor = rng.lognormal(0.0, config.client_repair_factor_sd, size=n)
    intake, slope, deteriorates = _draw_outcome_course(config, n, rng)
    return Clients(
        ids=ids("C", n, 4),
        therapist=therapist,
        trait=_draw_trait(config, n, rng),
        within_sd=config.within_sd * rng.lognormal(0.0, config.within_sd_spread, size=n),
        dimension_offset=rng.normal(0.0, config.dimension_offset_sd, size=(n, 3)),
        repair_prob=np.clip(therapists.repair_skill[therapist] * repair_factor, 0.0, 1.0),
        rupture_hazard=config.rupture_hazard * _proneness(config, n, rng),
        intake=intake,
        slope=slope,
        deteriorates=deteriorates,
        at_risk=rng.random(n) < config.at_risk_share,
        planned_sessions=_draw_planned_sessions(config, n, rng),
        start_week=rng.integers(0, config.enrolment_weeks, size=n),
    )


def _draw_trait(config: ClinicConfig, n: int, rng: np.random.Generator) -> np.ndarray:
    # The distance below a top that lies above the scale's 10 is gamma distributed, so many clients
    # sit at or beyond the ceiling and answer 10 whatever happens short of a rupture.
    scale = config.trait_gap_mean / config.trait_gap_shape
    gap = rng.gamma(config.trait_gap_shape, scale, size=n)
    return np.maximum(config.trait_top - gap, config.trait_floor)


def _proneness(config: ClinicConfig, n: int, rng: np.random.Generator) -> np.ndarray:
    shape = config.rupture_proneness_shape
    return rng.gamma(shape, 1.0 / shape, size=n)


def _draw_planned_sessions(config: ClinicConfig, n: int, rng: np.random.Generator) -> np.ndarray:
    raw = np.exp(rng.normal(np.log(config.median_sessions), config.sessions_spread, size=n))
    return np.clip(np.rint(raw), config.min_sessions, config.max_sessions).astype(int)


def _draw_outcome_course(
    config: ClinicConfig, n: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    intake = np.clip(np.rint(rng.normal(config.intake_mean, config.intake_sd, size=n)), 0, 27)
    rate = rng.normal(config.improvement_rate_mean, config.improvement_rate_sd, size=n)
    # Improvement is a share of intake severity, capped so the expected course stays above zero.
    cap = 0.95 / np.log(max(config.max_sessions, 2))
    slope = intake * np.clip(rate, 0.0, cap)
    deteriorates = rng.random(n) < config.deterioration_share
    worsening = -np.abs(rng.normal(config.deterioration_slope_mean, 0.5, size=n))
    return intake, np.where(deteriorates, worsening, slope), deteriorates
