"""Expected courses of recovery, and whether a client is on track against them."""

from .base import NotFittedError, RecoveryModel
from .default import DefaultCurve
from .expected import ExpectedRecovery
from .neighbours import NearestNeighbourRecovery
from .placement import BETTER, NOT_ON_TRACK, ON_TRACK, STATUSES, Placement

__all__ = [
    "BETTER",
    "NOT_ON_TRACK",
    "ON_TRACK",
    "STATUSES",
    "DefaultCurve",
    "ExpectedRecovery",
    "NearestNeighbourRecovery",
    "NotFittedError",
    "Placement",
    "RecoveryModel",
]
