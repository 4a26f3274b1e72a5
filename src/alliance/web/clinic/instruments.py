"""Which instrument plays which part in the clinic, named once.

The alliance measure is the project's own check-in and the therapist's mirror of it: the rupture
report, the client's comment and the rupture detector read their items. The outcome is the
clinic's choice (`ClinicSettings.outcome_instrument`, PHQ-9 unless changed). PHQ-9 and GAD-7 are
also named as the pair that NHS Talking Therapies defines recovery on.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation

from alliance.analysis.ruptures.answers import CLIENT_FORM, RUPTURE_ITEM, THERAPIST_FORM
from alliance.measures import DIMENSIONS, get_instrument, list_instruments

ALLIANCE = CLIENT_FORM
MIRROR = THERAPIST_FORM
COMMENT_ITEM = "7"  # the check-in's optional free-text item
DEFAULT_OUTCOME = "phq-9"
DEPRESSION, ANXIETY = "phq-9", "gad-7"

__all__ = [
    "ALLIANCE",
    "ANXIETY",
    "COMMENT_ITEM",
    "DEFAULT_OUTCOME",
    "DEPRESSION",
    "DIMENSIONS",
    "MIRROR",
    "RUPTURE_ITEM",
    "ClinicInstruments",
    "asking_order",
    "band_label",
    "flag_label",
    "for_clinic",
    "outcome_choices",
    "scale_label",
    "short_name",
    "title_of",
]


def short_name(instrument_id: str) -> str:
    """The name shown in messages and charts: "PHQ-9" for "phq-9"."""
    return instrument_id.upper()


def _reading() -> str:
    """The active language's code without its region ("es" for "es-mx")."""
    return (translation.get_language() or "").split("-")[0]


def title_of(instrument) -> str:
    """The instrument's full name in the active language, English where it has none."""
    return instrument.title_in(_reading())


def band_label(instrument, band: str) -> str:
    """A band as a response stores it ("moderate"), in the active language."""
    return instrument.band_label(band, _reading()) if band else band


def flag_label(flag) -> str:
    """A flag's label (what its alert says) in the active language."""
    return flag.label_in(_reading())


def scale_label(instrument, scale_id: str) -> str:
    """A scale's name ("Goals" for "goal") in the active language; scores stay keyed by the id."""
    return instrument.scale_label(scale_id, _reading())


def outcome_choices() -> list[str]:
    """The shipped instruments a clinic may choose as its outcome: client outcome measures."""
    return [
        inst.id
        for inst in list_instruments()
        if inst.kind == "outcome" and inst.respondent == "client"
    ]


def asking_order(instrument_ids, outcome: str = DEFAULT_OUTCOME) -> list[str]:
    """The order a check-in asks in, the same on every database (PostgreSQL's jsonb keeps a
    schedule's keys in its own order): the project's alliance check-in (or its mirror), goal
    progress, the clinic's outcome, the other outcome measures, then the rest."""
    return sorted(instrument_ids, key=lambda i: (_part(i, outcome), i))


def _part(instrument_id: str, outcome: str) -> int:
    if instrument_id in (ALLIANCE, MIRROR):
        return 0
    kind = get_instrument(instrument_id).kind
    if kind == "goal-progress":
        return 1
    if instrument_id == outcome:
        return 2
    return 3 if kind == "outcome" else 4


@dataclass(frozen=True)
class ClinicInstruments:
    """The clinic's alliance measure, its therapist mirror and its outcome."""

    outcome: str = DEFAULT_OUTCOME
    alliance: str = ALLIANCE
    mirror: str = MIRROR

    @property
    def outcome_name(self) -> str:
        return short_name(self.outcome)

    @property
    def outcome_instrument(self):
        return get_instrument(self.outcome)


def for_clinic(clinic_id: int | None) -> ClinicInstruments:
    """The clinic's instruments, read from its settings (one query; the default without any)."""
    from .models import ClinicSettings  # the settings model validates with outcome_choices

    if clinic_id is None:
        return ClinicInstruments()
    chosen = (
        ClinicSettings.objects.filter(clinic_id=clinic_id)
        .values_list("outcome_instrument", flat=True)
        .first()
    )
    return ClinicInstruments(outcome=chosen or DEFAULT_OUTCOME)
