"""Rupture detection from session-by-session alliance scores (SCIENCE.md section 5)."""

from .answers import sessions_from_answers
from .config import BaselineConfig, ConfigError, RepairConfig, RuleConfig
from .detector import CLINIC_DEFAULT, TOTAL_ONLY_DEFAULT, RuptureDetector
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
