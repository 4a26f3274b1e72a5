"""below-flag: a score under the instrument's flag, or less than perfect after perfect ones."""

from __future__ import annotations

import dataclasses

import numpy as np

from alliance.measures import Instrument

from ..config import BelowFlag, ConfigError
from ..context import Context
from ..table import Sessions


def resolve(rule: BelowFlag, instrument: Instrument) -> BelowFlag:
    cutoff, perfect = rule.cutoff, rule.perfect
    if cutoff is None:
        if instrument.cutoff is None:
            raise ConfigError(
                f"rule {rule.name}: instrument {instrument.id} has no cutoff; give cutoff"
            )
        cutoff = instrument.cutoff.value
    if perfect is None:
        scale = instrument.cutoff.scale if instrument.cutoff else instrument.scales[0].id
        perfect = instrument.scale_range(scale)[1]
    return dataclasses.replace(rule, cutoff=float(cutoff), perfect=float(perfect))


def detect(rule: BelowFlag, context: Context) -> np.ndarray:
    x = context.alliance
    with np.errstate(invalid="ignore"):
        low = x < rule.cutoff if rule.comparator == "below" else x <= rule.cutoff
        if rule.perfect_run == 0:
            return low
        perfect = x >= rule.perfect
        run_before = context.sessions.shift(perfect_run_lengths(perfect, context.sessions), -1)
        return low | ((run_before >= rule.perfect_run) & (x < rule.perfect))


def perfect_run_lengths(perfect: np.ndarray, sessions: Sessions) -> np.ndarray:
    """How many perfect sessions in a row end at each session (0 where it is not perfect)."""
    rows = np.arange(sessions.n)
    last_break = np.maximum.accumulate(np.where(perfect, -1, rows)) if sessions.n else rows
    last_break = np.maximum(last_break, sessions.start - 1)
    return (rows - last_break).astype(float)
