"""Rupture detection from session-by-session alliance scores (docs/science.md §5)."""

from .answers import sessions_from_answers
from .config import BaselineConfig, ConfigError, RepairConfig, RuleConfig
from .defaults import (
    CLINIC_DEFAULT,
    SCORES_ONLY_DEFAULT,
    SIGNS_ONLY_DEFAULT,
    TOTAL_ONLY_DEFAULT,
    choose_default,
)
from .detector import RuptureDetector
from .rules import (
    RULES,
    BelowFlag,
    ClientReported,
    ConvergingSigns,
    DimensionDrop,
    SuddenLoss,
    TherapistGap,
    VEpisode,
)
from .settings import DetectorConfig, parse_rule_spec, rule_from_dict
from .table import RuptureInputError

__all__ = [
    "CLINIC_DEFAULT",
    "RULES",
    "SCORES_ONLY_DEFAULT",
    "SIGNS_ONLY_DEFAULT",
    "TOTAL_ONLY_DEFAULT",
    "BaselineConfig",
    "BelowFlag",
    "ClientReported",
    "ConfigError",
    "ConvergingSigns",
    "DetectorConfig",
    "DimensionDrop",
    "RepairConfig",
    "RuleConfig",
    "RuptureDetector",
    "RuptureInputError",
    "SuddenLoss",
    "TherapistGap",
    "VEpisode",
    "choose_default",
    "parse_rule_spec",
    "rule_from_dict",
    "sessions_from_answers",
]
