"""Per-clinic settings: which instruments are asked when, and how long a check-in link lives."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from alliance.measures import UnknownInstrumentError, get_instrument

# instrument id -> ask at every Nth session (1 = every session, 0 = never), counting from session 1
DEFAULT_SCHEDULE = {"alliance-checkin": 1, "goal-progress": 1, "phq-9": 1, "alliance-checkin-t": 1}


def default_schedule() -> dict[str, int]:
    return dict(DEFAULT_SCHEDULE)


class ClinicSettings(models.Model):
    clinic = models.OneToOneField("accounts.Clinic", on_delete=models.CASCADE,
                                  related_name="settings")
    link_lifetime_hours = models.PositiveIntegerField(default=72)
    schedule = models.JSONField(
        default=default_schedule,
        help_text='Instrument id -> ask at session 1 and every Nth after '
                  '(1 every session, 0 never), '
                  'e.g. {"phq-9": 1, "alliance-checkin": 1}',
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

    def instruments_for(self, session_number: int, respondent: str) -> list[str]:
        """The instruments this respondent is asked at this session, in schedule order."""
        return [
            instrument_id for instrument_id, every in self.schedule.items()
            if every and (session_number - 1) % every == 0
            and _respondent(instrument_id) == respondent
        ]

    @classmethod
    def for_clinic(cls, clinic_id: int) -> ClinicSettings:
        found, _ = cls.objects.get_or_create(clinic_id=clinic_id)
        return found


def _respondent(instrument_id: str) -> str:
    return get_instrument(instrument_id).respondent
