"""Alliance and next-session outcome: the within-client and between-client effects."""

from .lagged import CENTRED, DETRENDED, METHODS
from .model import AllianceOutcomeModel
from .results import AllianceEffect, Estimate
from .therapist import TherapistShare

__all__ = [
    "CENTRED",
    "DETRENDED",
    "METHODS",
    "AllianceEffect",
    "AllianceOutcomeModel",
    "Estimate",
    "TherapistShare",
]
