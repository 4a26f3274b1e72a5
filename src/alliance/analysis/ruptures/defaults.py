"""The default rules for what a table holds: each case applies the combination chosen for it.

The combinations were chosen on the project's synthetic clinic (scripts/validate_ruptures.py,
docs/ruptures-validation.md) and are reported, untuned, on a second generator family written from
the published definitions (alliance.simulate.independent). Every default event rests on the
client's word and the scores agreeing, or on evidence in the scores too strong for an ordinary
session; a table without the client's post-session report is judged by the scores alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .config import RuleConfig
from .rules import ClientReported, ConvergingSigns, SuddenLoss, VEpisode
from .signs import has_pattern_signs

REPORT = "rupture_reported"

CLINIC_DEFAULT: tuple[RuleConfig, ...] = (
    ClientReported(
        min_level=1, corroborate_k=3.0, alone_level=2, clear_k=2.0, corroborate_with="signs"
    ),
    ConvergingSigns(k=4.0),
)
# Without reports the signs carry the call alone, and a lower bar finds more of what a report would
# have raised (F1 0.85 at k = 3 against 0.77 at k = 4 on the synthetic clinic without reports).
SIGNS_ONLY_DEFAULT: tuple[RuleConfig, ...] = (ConvergingSigns(k=3.0),)
TOTAL_ONLY_DEFAULT: tuple[RuleConfig, ...] = (
    VEpisode(k=3.0),
    ClientReported(min_level=1, corroborate_k=2.0, alone_level=2, clear_k=1.0),
)
# Scores alone: the Stiles 2-SD rule and the Tang & DeRubeis sudden loss, as researchers with
# session totals use them (F1 0.65 on the synthetic clinic's total alone, against 0.38 for k = 3).
SCORES_ONLY_DEFAULT: tuple[RuleConfig, ...] = (VEpisode(k=2.0), SuddenLoss())


@dataclass(frozen=True)
class DefaultChoice:
    """The case a table falls in, and the rules applied for it."""

    case: str
    rules: tuple[RuleConfig, ...]

    def describe(self) -> str:
        """For example 'scores only: applied v-episode:k=2.0 and sudden-loss'."""
        specs = [rule_spec(rule) for rule in self.rules]
        joined = specs[0] if len(specs) == 1 else ", ".join(specs[:-1]) + " and " + specs[-1]
        return f"{self.case}: applied {joined}"


def rule_spec(rule: RuleConfig) -> str:
    """The rule as written on the command line: its k, if any, and its non-default settings."""
    default = type(rule)().to_dict()
    changed = [
        f"{key}={value}"
        for key, value in rule.to_dict().items()
        if key != "rule" and (key == "k" or default.get(key) != value)
    ]
    return rule.name + (":" + ",".join(changed) if changed else "")


def choose_default(columns: Iterable[str]) -> DefaultChoice:
    """The default for a table with these columns."""
    columns = set(columns)
    signs, reports = has_pattern_signs(columns), REPORT in columns
    if signs and reports:
        return DefaultChoice("scores, dimensions or therapist ratings, and reports", CLINIC_DEFAULT)
    if signs:
        return DefaultChoice("no client reports", SIGNS_ONLY_DEFAULT)
    if reports:
        return DefaultChoice("total and client reports", TOTAL_ONLY_DEFAULT)
    return DefaultChoice("scores only", SCORES_ONLY_DEFAULT)
