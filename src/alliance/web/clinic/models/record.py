"""Clients (pseudonymous, no account), their episodes of care and their sessions."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_client_code() -> str:
    """A random code with no personal meaning, e.g. C-7KQ2MX."""
    return "C-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


class Client(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.PROTECT, related_name="clients")
    code = models.CharField(max_length=32, unique=True, default=new_client_code)
    display_name = models.CharField(max_length=100, blank=True)
    therapist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="clients",
    )
    sees_own_progress = models.BooleanField(
        "shown their own progress after a check-in",
        null=True,
        blank=True,
        help_text="The therapist's choice for this client; empty follows the clinic's setting.",
    )
    language = models.CharField(
        "check-in language",
        max_length=10,
        default="en",
        help_text="The language of the client's check-in, its messages and the kiosk; one of "
        "the LANGUAGES setting, chosen by the therapist.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    @property
    def label(self) -> str:
        return f"{self.display_name} ({self.code})" if self.display_name else self.code


class Ending(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    DROPPED_OUT = "dropped-out", _("Dropped out")
    REFERRED = "referred", _("Referred on")


class Episode(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="episodes")
    started = models.DateField()
    ended = models.DateField(null=True, blank=True)
    ending = models.CharField(max_length=20, choices=Ending.choices, blank=True)

    class Meta:
        ordering = ["started"]


class Attendance(models.TextChoices):
    ATTENDED = "attended", _("Attended")
    CANCELLED = "cancelled", _("Cancelled")
    NO_SHOW = "no-show", _("Did not attend")


class Session(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="sessions")
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveIntegerField()
    date = models.DateField()
    attendance = models.CharField(
        max_length=20, choices=Attendance.choices, default=Attendance.ATTENDED
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "number"], name="one_session_number_per_client"
            ),
        ]

    def __str__(self) -> str:
        return f"session {self.number}"
