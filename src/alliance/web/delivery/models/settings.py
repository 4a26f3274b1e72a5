"""Per-clinic delivery settings: when a check-in goes out, the reminder, the wording."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SendWhen(models.TextChoices):
    SESSION_END = "session-end", _("At the end of each attended session")
    AFTER = "after", _("A fixed number of hours after the session is recorded")


class DeliverySettings(models.Model):
    clinic = models.OneToOneField(
        "accounts.Clinic", on_delete=models.CASCADE, related_name="delivery_settings"
    )
    send_when = models.CharField(
        max_length=20, choices=SendWhen.choices, default=SendWhen.SESSION_END
    )
    send_after_hours = models.PositiveSmallIntegerField(
        default=2, help_text=_("With 'a fixed number of hours after': how many hours.")
    )
    remind_after_hours = models.PositiveSmallIntegerField(
        default=48, help_text=_("One reminder this many hours after sending if unanswered; 0 none.")
    )
    missed_in_a_row = models.PositiveSmallIntegerField(
        default=2, help_text=_("Raise a warning when a client missed this many check-ins in a row.")
    )
    duty_email = models.EmailField(
        blank=True, help_text=_("Also told at once of every urgent alert (optional).")
    )
    email_subject = models.CharField(max_length=200, blank=True)
    email_body = models.TextField(blank=True)
    reminder_body = models.TextField(blank=True)
    sms_body = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "delivery settings"

    def __str__(self) -> str:
        return f"Delivery settings of {self.clinic}"

    @classmethod
    def for_clinic(cls, clinic_id: int) -> DeliverySettings:
        found, _ = cls.objects.get_or_create(clinic_id=clinic_id)
        return found
