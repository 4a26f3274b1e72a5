"""Outcome since intake per client: reliable and clinically significant change, and recovery.

The science is `alliance.analysis.change`; this module only feeds it tables and words the result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from django.utils.translation import gettext_lazy as _

from alliance.analysis.change import (
    ChangeCriterion,
    ClinicalCutoff,
    classify_change,
    talking_therapies_outcomes,
)
from alliance.web.clinic.instruments import ANXIETY, DEPRESSION, short_name

from .pairs import later_pairs_frame_of_rows, rows_of

MEASURES = {DEPRESSION: short_name(DEPRESSION), ANXIETY: short_name(ANXIETY)}
RECOVERY_WORDS = {
    "not-a-case": _("not a case at intake (below both cutoffs), so recovery does not apply"),
    "reliable-recovery": _(
        "reliable recovery: below both cutoffs now, with a reliable improvement"
    ),
    "recovered": _("recovery: below both cutoffs now"),
    "not-recovered": _("not yet recovered: at or above a cutoff"),
}
WORDS = {
    "recovered": _("recovered: a reliable improvement that crossed the clinical cutoff"),
    "improved": _("reliably improved"),
    "unchanged": _("no reliable change"),
    "deteriorated": _("reliably worse"),
}


@dataclass(frozen=True)
class MeasureChange:
    measure: str
    intake: float
    latest: float
    category: str

    @property
    def words(self) -> str:
        return WORDS[self.category]


@dataclass
class OutcomeStatus:
    """One client's change since intake on each measure, and recovery when both exist."""

    changes: list[MeasureChange]
    recovery: str = ""

    @property
    def recovery_words(self) -> str:
        return RECOVERY_WORDS.get(self.recovery, "")

    @property
    def category(self) -> str:
        """The headline: the PHQ-9 category, else the first measure's."""
        return self.changes[0].category


def outcome_statuses(table: pd.DataFrame) -> dict:
    """{client_id: OutcomeStatus} for clients with an intake and a later score."""
    return outcome_statuses_of_rows({i: list(rows_of(table, i)) for i in MEASURES})


def outcome_statuses_of_rows(rows: dict[str, Iterable[tuple]]) -> dict:
    """`outcome_statuses` from (client_id, episode, session, total) rows of each measure, read
    without building an outcome table (the follow-up sums up one client)."""
    found: dict = {}
    pairs = {i: later_pairs_frame_of_rows(rows.get(i, [])) for i in MEASURES}
    for instrument, name in MEASURES.items():
        chosen = pairs[instrument]
        categories = classify_change(
            chosen["intake"],
            chosen["latest"],
            ChangeCriterion.from_instrument(instrument),
            ClinicalCutoff.from_instrument(instrument),
        )
        for client_id, intake, latest in zip(
            chosen.index, chosen["intake"], chosen["latest"], strict=True
        ):
            change = MeasureChange(name, intake, latest, categories[client_id])
            found.setdefault(client_id, OutcomeStatus([])).changes.append(change)
    for client_id, key in _recovery(pairs[DEPRESSION], pairs[ANXIETY]).items():
        if client_id in found:
            found[client_id].recovery = key
    return found


def _recovery(depression: pd.DataFrame, anxiety: pd.DataFrame) -> dict:
    """NHS Talking Therapies recovery (a RECOVERY_WORDS key) for clients with both measures."""
    both = depression.index.intersection(anxiety.index)
    if both.empty:
        return {}
    result = talking_therapies_outcomes(
        depression.loc[both, "intake"],
        depression.loc[both, "latest"],
        anxiety.loc[both, "intake"],
        anxiety.loc[both, "latest"],
    )
    return {client_id: _recovery_key(row) for client_id, row in result.iterrows()}


def _recovery_key(row: pd.Series) -> str:
    if pd.isna(row["recovered"]):
        return "not-a-case"
    if row["reliable_recovery"]:
        return "reliable-recovery"
    return "recovered" if row["recovered"] else "not-recovered"
