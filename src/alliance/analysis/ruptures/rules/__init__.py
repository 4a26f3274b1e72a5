"""One class per rule: its parameters, the columns it needs, how it resolves and how it flags.

A new rule is a module here with a RuleConfig subclass, listed in RULES.
"""

from __future__ import annotations

from ..config import RuleConfig
from .below_flag import BelowFlag
from .client_reported import ClientReported
from .converging_signs import ConvergingSigns
from .dimension_drop import DimensionDrop
from .sudden_loss import SuddenLoss
from .therapist_gap import TherapistGap
from .v_episode import VEpisode

RULES: dict[str, type[RuleConfig]] = {
    cls.name: cls
    for cls in (
        VEpisode,
        SuddenLoss,
        BelowFlag,
        ClientReported,
        TherapistGap,
        DimensionDrop,
        ConvergingSigns,
    )
}

__all__ = [
    "RULES",
    "BelowFlag",
    "ClientReported",
    "ConvergingSigns",
    "DimensionDrop",
    "SuddenLoss",
    "TherapistGap",
    "VEpisode",
]
