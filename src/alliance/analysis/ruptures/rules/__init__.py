"""One module per rule; each turns the sessions into a boolean array of flagged sessions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..config import RuleConfig
from ..context import Context
from . import (
    below_flag,
    client_reported,
    converging_signs,
    dimension_drop,
    sudden_loss,
    therapist_gap,
    v_episode,
)

# each detector takes its own RuleConfig subclass, so the table can only say "some config"
Detect = Callable[[Any, Context], np.ndarray]

DETECTORS: dict[str, Detect] = {
    "v-episode": v_episode.detect,
    "sudden-loss": sudden_loss.detect,
    "below-flag": below_flag.detect,
    "client-reported": client_reported.detect,
    "therapist-gap": therapist_gap.detect,
    "dimension-drop": dimension_drop.detect,
    "converging-signs": converging_signs.detect,
}

RESOLVERS: dict[str, Callable[[Any, Any], RuleConfig]] = {
    "sudden-loss": sudden_loss.resolve,
    "below-flag": below_flag.resolve,
}


def detect(rule: RuleConfig, context: Context) -> np.ndarray:
    """The sessions this rule flags."""
    return DETECTORS[rule.name](rule, context)


def resolve(rule: RuleConfig, context: Context) -> RuleConfig:
    """The rule with every 'use the instrument's value' setting filled in."""
    resolver = RESOLVERS.get(rule.name)
    return resolver(rule, context.instrument) if resolver else rule
