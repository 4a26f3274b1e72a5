"""What the rules read: the checked sessions, the instrument and each score's reference."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

import numpy as np

from alliance.measures import DIMENSIONS, Instrument

from .baseline import Reference, reference
from .config import BaselineConfig
from .table import RuptureInputError, Sessions


class Context:
    """Shared inputs of every rule in one fit."""

    def __init__(self, sessions: Sessions, baseline: BaselineConfig, instrument: Instrument):
        self.sessions = sessions
        self.baseline_config = baseline
        self.instrument = instrument
        self._references: dict[str, Reference] = {}
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value computed once per fit (such as the signs, which several rules read)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def alliance(self) -> np.ndarray:
        return self.require("alliance", "every rule")

    @property
    def reference(self) -> Reference:
        return self.reference_of("alliance")

    def reference_of(self, column: str) -> Reference:
        """Baseline and SD_ref of one score column (alliance or a dimension)."""
        if column not in self._references:
            values = self.require(column, "this analysis")
            self._references[column] = reference(values, self.sessions, self.baseline_config)
        return self._references[column]

    @property
    def dimensions(self) -> tuple[str, ...]:
        return tuple(d for d in DIMENSIONS if d in self.sessions.frame)

    def require(self, column: str, rule: str) -> np.ndarray:
        values = self.sessions.column(column)
        if values is None:
            raise RuptureInputError(f"{rule} needs the column {column}, which the table lacks")
        return values
