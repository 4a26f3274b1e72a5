"""Every parameter of the synthetic clinic, with its default and what it means."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class ClinicConfig:
    """The generating parameters of one synthetic clinic (documented in docs/simulation.md)."""

    # The clinic
    n_clients: int = 600
    seed: int = 0
    n_therapists: int | None = None
    clients_per_therapist: int = 25
    start_date: str = "2025-01-06"
    enrolment_weeks: int = 52
    # Episodes
    min_sessions: int = 3
    max_sessions: int = 30
    median_sessions: float = 12.0
    sessions_spread: float = 0.5
    # Therapists' repair skill and the client's part in repair
    repair_skill_mean: float = 0.55
    repair_skill_concentration: float = 8.0
    client_repair_factor_sd: float = 0.25
    # Latent alliance on the 0-10 check-in scale
    trait_top: float = 12.0
    trait_gap_mean: float = 3.5
    trait_gap_shape: float = 1.2
    trait_floor: float = 2.0
    within_sd: float = 0.6
    within_sd_spread: float = 0.3
    ar_phi: float = 0.4
    alliance_growth: float = 0.1
    dimension_offset_sd: float = 0.4
    dimension_noise_sd: float = 0.35
    item_noise_sd: float = 0.45
    # Ruptures
    rupture_hazard: float = 0.065
    rupture_proneness_shape: float = 1.5
    rupture_earliest_session: int = 4
    rupture_depth_sd_low: float = 1.0
    rupture_depth_sd_high: float = 4.0
    rupture_two_step_share: float = 0.3
    rupture_spillover: float = 0.35
    repair_lag_max: int = 3
    unrepaired_recovery: float = 0.1
    # What the check-in shows of a rupture
    client_report_per_sd: float = 1.0
    client_dip_report_weight: float = 0.5
    client_tension_report_prob: float = 0.12
    client_clear_share: float = 0.15
    therapist_rating_bias: float = 0.5
    therapist_noise_sd: float = 0.4
    therapist_notice_prob: float = 0.35
    therapist_noticed_drop_share: float = 0.7
    therapist_unnoticed_drop_share: float = 0.15
    therapist_tension_report_prob: float = 0.2
    # Outcome (PHQ-9 total, higher is worse)
    intake_mean: float = 16.0
    intake_sd: float = 4.0
    improvement_rate_mean: float = 0.17
    improvement_rate_sd: float = 0.06
    deterioration_share: float = 0.07
    deterioration_slope_mean: float = 2.0
    within_effect: float = -0.8
    between_effect: float = -0.5
    outcome_noise_sd: float = 2.0  # PHQ-9 error SD: 5 * sqrt(1 - .84), Kroenke et al. 2001
    at_risk_share: float = 0.06
    # Dropout
    dropout_hazard: float = 0.02
    dropout_unrepaired_multiplier: float = 4.0

    def __post_init__(self) -> None:
        _check(self)

    @property
    def trait_population_mean(self) -> float:
        """The expected trait alliance, before the floor is applied."""
        return self.trait_top - self.trait_gap_mean

    @property
    def therapist_count(self) -> int:
        if self.n_therapists is not None:
            return self.n_therapists
        return max(2, -(-self.n_clients // self.clients_per_therapist))

    def as_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values["n_therapists"] = self.therapist_count
        values["trait_population_mean"] = self.trait_population_mean
        return values


def config_with(**overrides: Any) -> ClinicConfig:
    """A ClinicConfig with the given fields changed; an unknown name is an error that names it."""
    known = {f.name for f in fields(ClinicConfig)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise TypeError(f"unknown clinic parameter(s): {', '.join(unknown)}")
    return ClinicConfig(**overrides)


_PROBABILITIES = (
    "client_tension_report_prob",
    "client_clear_share",
    "therapist_notice_prob",
    "therapist_noticed_drop_share",
    "therapist_unnoticed_drop_share",
    "therapist_tension_report_prob",
    "deterioration_share",
    "at_risk_share",
    "rupture_two_step_share",
    "rupture_spillover",
    "unrepaired_recovery",
    "rupture_hazard",
    "dropout_hazard",
    "repair_skill_mean",
)
_POSITIVE = (
    "clients_per_therapist",
    "enrolment_weeks",
    "median_sessions",
    "repair_skill_concentration",
    "trait_gap_mean",
    "trait_gap_shape",
    "within_sd",
    "rupture_proneness_shape",
    "repair_lag_max",
    "rupture_earliest_session",
)
_NON_NEGATIVE = (
    "sessions_spread",
    "client_repair_factor_sd",
    "within_sd_spread",
    "dimension_offset_sd",
    "dimension_noise_sd",
    "item_noise_sd",
    "therapist_noise_sd",
    "intake_sd",
    "improvement_rate_sd",
    "outcome_noise_sd",
    "dropout_unrepaired_multiplier",
    "deterioration_slope_mean",
    "client_report_per_sd",
    "client_dip_report_weight",
)


def _check(config: ClinicConfig) -> None:
    for name in _PROBABILITIES:
        _require(name, 0.0 <= getattr(config, name) <= 1.0, "must lie between 0 and 1")
    for name in _POSITIVE:
        _require(name, getattr(config, name) > 0, "must be above 0")
    for name in _NON_NEGATIVE:
        _require(name, getattr(config, name) >= 0, "must not be negative")
    _require("n_clients", config.n_clients >= 1, "must be at least 1")
    _require(
        "n_therapists",
        config.n_therapists is None or config.n_therapists >= 1,
        "must be at least 1 (or None to derive it from clients_per_therapist)",
    )
    _require(
        "min_sessions",
        1 <= config.min_sessions <= config.max_sessions,
        "must be at least 1 and at most max_sessions",
    )
    _require("ar_phi", -1.0 < config.ar_phi < 1.0, "must lie strictly between -1 and 1")
    _require(
        "rupture_depth_sd_high",
        config.rupture_depth_sd_low <= config.rupture_depth_sd_high,
        "must not be below rupture_depth_sd_low",
    )
    _require("trait_floor", 0.0 <= config.trait_floor < 10.0, "must lie in [0, 10)")
    _require("trait_top", config.trait_top > config.trait_floor, "must be above trait_floor")
    _require("seed", config.seed >= 0, "must not be negative")
    _require("intake_mean", 0.0 <= config.intake_mean <= 27.0, "must lie in [0, 27]")
    _check_date(config.start_date)


def _check_date(value: str) -> None:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"start_date: {value!r} is not a date like 2025-01-06") from None


def _require(name: str, ok: bool, problem: str) -> None:
    if not ok:
        raise ValueError(f"{name}: {problem}")
