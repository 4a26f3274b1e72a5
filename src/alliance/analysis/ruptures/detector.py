"""RuptureDetector: configure the rules, fit on sessions, read the events."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from alliance.interop.tables import is_answer_table
from alliance.measures import get_instrument

from .answers import sessions_from_answers
from .baseline import recent_mean
from .config import BaselineConfig, ConfigError, RepairConfig, RuleConfig
from .context import Context
from .defaults import CLINIC_DEFAULT, DefaultChoice, choose_default
from .episodes import find_episodes
from .events import COLUMNS, describe
from .rules import RULES
from .settings import DetectorConfig, rule_from_dict
from .summary import summarise
from .table import check_sessions

# Rules that weigh all the signs ask no set drop of the total; for the repair line they count as
# asking the smallest drop the literature calls a rupture, 1 SD (Strauss et al. 2006).
SIGNS_DROP_K = 1.0


def needed_columns(rule: RuleConfig) -> tuple[str, ...]:
    """The optional columns a rule reads."""
    return rule.needs


def default_rules(columns: Iterable[str]) -> tuple[RuleConfig, ...]:
    """The default for a table with these columns."""
    return choose_default(columns).rules


class RuptureDetector:
    """Find alliance ruptures in session-by-session scores, and whether each was repaired.

    rules: rule settings (e.g. VEpisode(k=1)) or rule names; None applies the default for what the
        table holds (defaults.py: CLINIC_DEFAULT with every column; `applied` says which).
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
        self.choice_ = self._choice(context.sessions.frame)
        self.skipped_rules_ = self._skipped(self.choice_)
        self.rules_ = tuple(rule.resolve(context.instrument) for rule in self.choice_.rules)
        hits = {rule: rule.detect(context) for rule in self.rules_}
        groups = [hits] if self.config.combine else [{rule: hit} for rule, hit in hits.items()]
        found = [self._events(g, context) for g in groups]
        joined = found[0] if len(found) == 1 else pd.concat(found, ignore_index=True)
        self.events_ = _ordered(joined)
        self.n_clients_ = len(np.unique(context.sessions.client))
        self.n_sessions_ = context.sessions.n
        return self

    def _choice(self, frame: pd.DataFrame) -> DefaultChoice:
        if self.is_default:  # a column with no value at all (item 8 never asked) counts as absent
            return choose_default([c for c in frame.columns if _any_value(frame, c)])
        return DefaultChoice("rules as given", self.config.rules)

    def _skipped(self, choice: DefaultChoice) -> tuple[str, ...]:
        """The clinic default's rules a default run could not apply to this table."""
        if not self.is_default:
            return ()
        applied = {rule.name for rule in choice.rules}
        return tuple(rule.name for rule in CLINIC_DEFAULT if rule.name not in applied)

    @property
    def applied(self) -> str:
        """Which rules the last fit applied and why, e.g. 'scores only: applied v-episode:k=2.0
        and sudden-loss'."""
        if not hasattr(self, "choice_"):
            raise AttributeError("call fit() before reading which rules were applied")
        return self.choice_.describe()

    def _events(self, hits: dict[RuleConfig, np.ndarray], context: Context) -> pd.DataFrame:
        line = self._repair_line(hits, context)
        combined = np.logical_or.reduce(list(hits.values()))
        episodes = find_episodes(
            combined, context.alliance, line, context.sessions, self.config.repair
        )
        return describe(episodes, hits, context, line, self.config.repair.window)

    def _repair_line(self, hits: dict[RuleConfig, np.ndarray], context: Context) -> np.ndarray:
        """Per row: the score a return must reach when an episode opens there."""
        repair, ref = self.config.repair, context.reference
        level = ref.baseline
        if repair.level == "recent":  # where the rupture broke off, not the whole history's mean
            recent = recent_mean(context.alliance, context.sessions, repair.recent)
            level = np.where(np.isnan(ref.baseline), np.nan, recent)
        return level - self._tolerance(hits) * ref.sd_ref

    def _tolerance(self, hits: dict[RuleConfig, np.ndarray]) -> float:
        if self.config.repair.tolerance_sd is not None:
            return self.config.repair.tolerance_sd
        ks = [k for rule in hits for k in rule.drop_ks()]
        ks += [SIGNS_DROP_K for rule in hits if rule.reads_signs]
        return self.config.repair.tolerance_share * (min(ks) if ks else 2.0)

    @property
    def summary(self) -> pd.DataFrame:
        """Per rule (and in all): events, clients with an event, and how many were repaired."""
        if not hasattr(self, "events_"):
            raise AttributeError("call fit() before reading the summary")
        return summarise(self.events_, [r.name for r in self.rules_], self.n_clients_)

    def __repr__(self) -> str:
        names = ", ".join(rule.name for rule in self.config.rules)
        return f"RuptureDetector(rules=[{names}], combine={self.config.combine})"


def _any_value(frame: pd.DataFrame, column: str) -> bool:
    """Whether the column holds a value; a float column is read as its array (pandas' own
    notna costs more than the rest of a short series' choice)."""
    values = frame[column].to_numpy()
    if values.dtype == np.float64:
        return bool(len(values)) and not np.isnan(values).all()
    return bool(frame[column].notna().any())


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
    if _in_order(events):  # one client's events, found in order: a stable sort leaves them
        return events.reset_index(drop=True)
    return events.sort_values(["client_id", "onset_session"], kind="stable").reset_index(drop=True)


def _in_order(events: pd.DataFrame) -> bool:
    clients = pd.unique(events["client_id"])
    onsets = events["onset_session"].to_numpy()
    return len(clients) == 1 and bool(np.all(onsets[1:] >= onsets[:-1]))
