"""Per-clinic settings: which instruments are asked when, how long a check-in link lives, and the
rupture detector's configuration with the lines for goal and task agreement."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance.analysis.ruptures import ConfigError, RuptureDetector
from alliance.measures import UnknownInstrumentError, get_instrument

from ..instruments import ALLIANCE, DEFAULT_OUTCOME, MIRROR, asking_order, outcome_choices

# instrument id -> ask at every Nth session (1 = every session, 0 = never), counting from session 1
DEFAULT_SCHEDULE = {ALLIANCE: 1, "goal-progress": 1, DEFAULT_OUTCOME: 1, MIRROR: 1}


# The detector fits one client at a time, where it cannot estimate the between-client SD. This
# provisional figure lies between the synthetic clinic's pooled session-to-session SD of the
# check-in without ruptures (0.53) and with them (0.67); replace it with the clinic's own
# (docs/ruptures.md, "Limits").
CLINIC_BETWEEN_SD = 0.6


DEFAULT_CRISIS_MESSAGE = (
    "Thank you for telling us how you are. Your therapist will see your answer and will be in "
    "touch with you soon. If you feel unsafe before then, please get help now: call the number "
    "below, your doctor or your local emergency number."
)
PHONE_CHARACTERS = re.compile(r"[0-9 +()\-]+")


def validate_phone_number(value: str) -> None:
    if not PHONE_CHARACTERS.fullmatch(value) or sum(ch.isdigit() for ch in value) < 3:
        raise ValidationError(
            _(
                "use digits, spaces, +, - and brackets only, with at least 3 digits "
                "(e.g. +44 20 7946 0000)"
            )
        )


def dialable(number: str) -> str:
    """The number as a tel: link dials it: the digits, and a leading + if there is one."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return ("+" + digits) if number.strip().startswith("+") else digits


def default_schedule() -> dict[str, int]:
    return dict(DEFAULT_SCHEDULE)


def default_rupture_detector() -> dict:
    """The detector's own default configuration, with the clinic's between-client SD filled in."""
    config = RuptureDetector().to_dict()
    config["baseline"]["between_sd"] = CLINIC_BETWEEN_SD
    return config


class ClinicSettings(models.Model):
    clinic = models.OneToOneField(
        "accounts.Clinic", on_delete=models.CASCADE, related_name="settings"
    )
    link_lifetime_hours = models.PositiveIntegerField(default=72)
    schedule = models.JSONField(
        default=default_schedule,
        help_text=_(
            "Instrument id -> ask at session 1 and every Nth after "
            "(1 every session, 0 never), "
            'e.g. {"phq-9": 1, "alliance-checkin": 1}'
        ),
    )
    outcome_instrument = models.CharField(
        max_length=40,
        default=DEFAULT_OUTCOME,
        help_text=_(
            "The outcome measure that expected recovery, the not-on-track alert, dropout "
            "risk and the outcome charts use (a client outcome instrument, e.g. phq-9 or gad-7)."
        ),
    )
    rupture_detector = models.JSONField(
        default=default_rupture_detector,
        help_text=_(
            "The rupture detector's rules, baseline and repair settings (see the clinic "
            "docs); an empty {} restores the default."
        ),
    )
    task_agreement_line = models.PositiveSmallIntegerField(
        default=5,
        help_text=_("A task the client agrees with less than this (0-10) raises an alert."),
    )
    goal_agreement_line = models.PositiveSmallIntegerField(
        default=5, help_text=_("A goal agreed less than this (0-10) by either side is highlighted.")
    )
    stall_ratings = models.PositiveSmallIntegerField(
        default=3,
        help_text=_(
            "A goal is highlighted as stalled when its last this-many progress "
            "ratings show no gain."
        ),
    )

    therapists_need_two_factor = models.BooleanField(
        default=True,
        help_text=_(
            "Therapists give a code from an authenticator app at each login. Supervisors, "
            "privacy officers and admins always do."
        ),
    )

    erasure_keeps_scores = models.BooleanField(
        default=False,
        help_text=_(
            "When a client's record is erased, keep their scores as anonymous rows (no "
            "code, no dates but the year) for the clinic's statistics; otherwise remove them too."
        ),
    )
    retention_years = models.PositiveSmallIntegerField(
        default=0,
        help_text=_(
            "Erase a client's record this many years after their last episode of care "
            "ended (alliance retention --apply); 0 keeps records until erased by hand."
        ),
    )

    crisis_message = models.TextField(
        max_length=600,
        default=DEFAULT_CRISIS_MESSAGE,
        blank=True,
        help_text=_(
            "What a client reads after an answer about harming themself, in the clinic's "
            "own words: when and how their therapist will be in touch. The contact below "
            "follows it; left empty, the standard message is shown."
        ),
    )
    crisis_contact_text = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Who a client can call for urgent help and when, e.g. \"The clinic's duty "
            'line, weekdays 9-17; at other times your local emergency number". Shown after an '
            "answer about self-harm and at the foot of every check-in page."
        ),
    )
    crisis_contact_number = models.CharField(
        max_length=30,
        blank=True,
        validators=[validate_phone_number],
        help_text=_(
            "The number to call for that help, e.g. +44 20 7946 0000: digits, spaces, "
            "+, - and brackets. Shown as a number a phone can call."
        ),
    )
    clients_see_their_progress = models.BooleanField(
        default=False,
        help_text=_(
            "After a check-in, the thank-you page shows the client their own goal progress "
            "and outcome over time in plain words (never the alliance ratings). Each client's "
            "therapist may choose otherwise for that client."
        ),
    )

    class Meta:
        verbose_name_plural = "clinic settings"

    def __str__(self) -> str:
        return f"Settings of {self.clinic}"

    def clean(self) -> None:
        if not isinstance(self.schedule, dict):
            raise ValidationError({"schedule": 'use {"instrument id": every Nth session, ...}'})
        for instrument_id, every in self.schedule.items():
            try:
                get_instrument(instrument_id)
            except UnknownInstrumentError as error:
                raise ValidationError({"schedule": str(error)}) from None
            if not isinstance(every, int) or every < 0:
                problem = f"{instrument_id}: use a whole number 0 or more"
                raise ValidationError({"schedule": problem})
        self._clean_outcome()
        self._clean_detector()
        self._clean_lines()

    def _clean_outcome(self) -> None:
        choices = outcome_choices()
        if self.outcome_instrument not in choices:
            problem = _("%(id)r is not an outcome measure; use one of %(choices)s") % {
                "id": self.outcome_instrument,
                "choices": choices,
            }
            raise ValidationError({"outcome_instrument": problem})

    def _clean_detector(self) -> None:
        if self.rupture_detector == {}:
            self.rupture_detector = default_rupture_detector()
        if not isinstance(self.rupture_detector, dict):
            raise ValidationError({"rupture_detector": 'use {"rules": [...], "repair": {...}}'})
        try:
            RuptureDetector.from_dict(self.rupture_detector)
        except ConfigError as error:
            raise ValidationError({"rupture_detector": str(error)}) from None

    def _clean_lines(self) -> None:
        for name in ("task_agreement_line", "goal_agreement_line"):
            if getattr(self, name) > 10:
                raise ValidationError({name: _("use a number from 0 to 10")})
        if self.stall_ratings < 2:
            raise ValidationError({"stall_ratings": _("use 2 or more ratings")})

    @property
    def crisis_words(self) -> str:
        return self.crisis_message.strip() or DEFAULT_CRISIS_MESSAGE

    @property
    def crisis_dial(self) -> str:
        return dialable(self.crisis_contact_number)

    def detector(self) -> RuptureDetector:
        """A detector configured as this clinic chose."""
        return RuptureDetector.from_dict(self.rupture_detector or default_rupture_detector())

    def asked(self) -> list[tuple[str, int]]:
        """Each instrument asked at all, with its every-Nth-session, in the asking order."""
        asked = {i: every for i, every in self.schedule.items() if every}
        return [(i, asked[i]) for i in asking_order(asked, self.outcome_instrument)]

    def instruments_for(self, session_number: int, respondent: str) -> list[str]:
        """The instruments this respondent is asked at this session, in the asking order."""
        return [
            instrument_id
            for instrument_id, every in self.asked()
            if (session_number - 1) % every == 0 and _respondent(instrument_id) == respondent
        ]

    @classmethod
    def for_clinic(cls, clinic_id: int) -> ClinicSettings:
        found, _ = cls.objects.get_or_create(clinic_id=clinic_id)
        return found


def _respondent(instrument_id: str) -> str:
    return get_instrument(instrument_id).respondent
