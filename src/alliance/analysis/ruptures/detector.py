"""RuptureDetector: configure the rules, fit on sessions, read the events."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from alliance.interop.tables import is_answer_table
from alliance.measures import DIMENSIONS, get_instrument

from . import rules as rule_modules
from .answers import sessions_from_answers
from .config import (
    RULES,
    BaselineConfig,
    ClientReported,
    ConfigError,
    ConvergingSigns,
    DimensionDrop,
    RepairConfig,
    RuleConfig,
    VEpisode,
)
from .context import Context
from .episodes import find_episodes
from .events import COLUMNS, describe
from .settings import DetectorConfig, rule_from_dict
from .signs import has_pattern_signs, reads_signs
from .summary import summarise
from .table import RuptureInputError, check_sessions

# Every default event rests on the client's word and the scores agreeing, or on evidence in the
# scores too strong for an ordinary session (docs/ruptures.md, "The clinic default"). The evidence
# weighs all the signs a rupture leaves (signs.py); a table with the total alone shows no sign but
# the drop, and is judged by the published drops instead (TOTAL_ONLY_DEFAULT). Rules whose columns a
# table lacks are left out of the default rather than failing, and listed in `skipped_rules_`.
CLINIC_DEFAULT: tuple[RuleConfig, ...] = (
    ClientReported(
        min_level=1, corroborate_k=3.0, alone_level=2, clear_k=2.0, corroborate_with="signs"
    ),
    ConvergingSigns(k=4.0),
)
TOTAL_ONLY_DEFAULT: tuple[RuleConfig, ...] = (
    VEpisode(k=3.0),
    ClientReported(min_level=1, corroborate_k=2.0, alone_level=2, clear_k=1.0),
)
# Rules that weigh all the signs ask no set drop of the total; for the repair line they count as
# asking the smallest drop the literature calls a rupture, 1 SD (Strauss et al. 2006).
SIGNS_DROP_K = 1.0
NEEDS = {
    "client-reported": ("rupture_reported",),
    "therapist-gap": ("therapist_alliance",),
    "dimension-drop": DIMENSIONS,
}


def needed_columns(rule: RuleConfig) -> tuple[str, ...]:
    """The optional columns a rule reads."""
    extra = ("rupture_reported",) if getattr(rule, "report_level", 0) else ()
    return NEEDS.get(rule.name, ()) + extra


def default_rules(columns: Iterable[str]) -> tuple[RuleConfig, ...]:
    """The default for a table with these columns (before rules lacking theirs are left out)."""
    return CLINIC_DEFAULT if has_pattern_signs(columns) else TOTAL_ONLY_DEFAULT


class RuptureDetector:
    """Find alliance ruptures in session-by-session scores, and whether each was repaired.

    rules: rule settings (e.g. VEpisode(k=1)) or rule names; None uses CLINIC_DEFAULT (or, on a
        table with the total alone, TOTAL_ONLY_DEFAULT).
    combine: True merges every rule's flags into one event per episode; False lists each rule apart.
    """

    def __init__(
        self,
        rules: Iterable[RuleConfig | str | dict[str, Any]] | None = None,
        *,
        baseline: BaselineConfig | None = None,
        repair: RepairConfig | None = None,
        instrument: str = "alliance-checkin",
        combine: bool = True,
    ):
        self.is_default = rules is None
        chosen = CLINIC_DEFAULT if rules is None else tuple(_as_rule(r) for r in rules)
        if not chosen:
            raise ConfigError("give at least one rule")
        self.config = DetectorConfig(
            chosen, baseline or BaselineConfig(), repair or RepairConfig(), instrument, combine
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RuptureDetector:
        config = DetectorConfig.from_dict(data)
        return cls(
            config.rules,
            baseline=config.baseline,
            repair=config.repair,
            instrument=config.instrument,
            combine=config.combine,
        )

    def to_dict(self) -> dict[str, Any]:
        return self.config.to_dict()

    def fit(self, sessions: pd.DataFrame) -> RuptureDetector:
        """Find the events in a session table (or in item-level answers, scored first)."""
        if isinstance(sessions, pd.DataFrame) and is_answer_table(sessions):
            sessions = sessions_from_answers(sessions)
        context = Context(
            check_sessions(sessions), self.config.baseline, get_instrument(self.config.instrument)
        )
        candidates = self._candidates(context.sessions.frame)
        usable = [rule for rule in candidates if not self._skip(rule, context)]
        self.skipped_rules_ = tuple(r.name for r in candidates if r not in usable)
        if not usable:
            raise RuptureInputError("none of the default rules can run on this table")
        self.rules_ = tuple(rule_modules.resolve(rule, context) for rule in usable)
        hits = {rule: rule_modules.detect(rule, context) for rule in self.rules_}
        groups = [hits] if self.config.combine else [{rule: hit} for rule, hit in hits.items()]
        self.events_ = _ordered(
            pd.concat([self._events(g, context) for g in groups], ignore_index=True)
        )
        self.n_clients_ = len(np.unique(context.sessions.client))
        self.n_sessions_ = context.sessions.n
        return self

    def _candidates(self, frame: pd.DataFrame) -> tuple[RuleConfig, ...]:
        return default_rules(frame.columns) if self.is_default else self.config.rules

    def _skip(self, rule: RuleConfig, context: Context) -> bool:
        frame = context.sessions.frame
        return self.is_default and any(c not in frame for c in needed_columns(rule))

    def _events(self, hits: dict[RuleConfig, np.ndarray], context: Context) -> pd.DataFrame:
        tolerance = self._tolerance(hits)
        ref = context.reference
        line = ref.baseline - tolerance * ref.sd_ref
        combined = np.logical_or.reduce(list(hits.values()))
        episodes = find_episodes(
            combined, context.alliance, line, context.sessions, self.config.repair
        )
        return describe(episodes, hits, context, tolerance, self.config.repair.window)

    def _tolerance(self, hits: dict[RuleConfig, np.ndarray]) -> float:
        if self.config.repair.tolerance_sd is not None:
            return self.config.repair.tolerance_sd
        ks = [rule.k for rule in hits if isinstance(rule, VEpisode | DimensionDrop)]
        ks += [k for rule in hits if isinstance(rule, ClientReported) for k in rule.drop_ks()]
        ks += [SIGNS_DROP_K for rule in hits if reads_signs(rule)]
        return 0.5 * (min(ks) if ks else 2.0)

    @property
    def summary(self) -> pd.DataFrame:
        """Per rule (and in all): events, clients with an event, and how many were repaired."""
        if not hasattr(self, "events_"):
            raise AttributeError("call fit() before reading the summary")
        return summarise(self.events_, [r.name for r in self.rules_], self.n_clients_)

    def __repr__(self) -> str:
        names = ", ".join(rule.name for rule in self.config.rules)
        return f"RuptureDetector(rules=[{names}], combine={self.config.combine})"


def _as_rule(rule: RuleConfig | str | dict[str, Any]) -> RuleConfig:
    if isinstance(rule, RuleConfig):
        return rule
    if isinstance(rule, dict):
        return rule_from_dict(rule)
    if rule not in RULES:
        raise ConfigError(f"unknown rule {rule!r}; known: {', '.join(RULES)}")
    return RULES[rule]()


def _ordered(events: pd.DataFrame) -> pd.DataFrame:
    if events.empty:
        return pd.DataFrame(columns=COLUMNS)
    return events.sort_values(["client_id", "onset_session"], kind="stable").reset_index(drop=True)
