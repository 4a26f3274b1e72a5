"""Rupture detection from session-by-session alliance scores (docs/science.md §5)."""

from .answers import sessions_from_answers
from .config import (
    RULES,
    BaselineConfig,
    BelowFlag,
    ClientReported,
    ConfigError,
    ConvergingSigns,
    DimensionDrop,
    RepairConfig,
    RuleConfig,
    SuddenLoss,
    TherapistGap,
    VEpisode,
)
from .detector import CLINIC_DEFAULT, TOTAL_ONLY_DEFAULT, RuptureDetector
from .settings import DetectorConfig, parse_rule_spec, rule_from_dict
from .table import RuptureInputError

__all__ = [
    "CLINIC_DEFAULT",
    "RULES",
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
    "parse_rule_spec",
    "rule_from_dict",
    "sessions_from_answers",
]
