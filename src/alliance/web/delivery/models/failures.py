"""What did not get done in the background, kept for the clinic's staff to see: a task that gave
up after its retries, a check-in that could not be sent. Client codes only, never contact
details: the reason is the project's own words or an error's, with addresses blanked."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FailureKind(models.TextChoices):
    TASK = "task", _("Background task")
    SEND = "send", _("Check-in send")


class Failure(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    client = models.ForeignKey(
        "clinic.Client", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    client_code = models.CharField(max_length=32, blank=True)
    kind = models.CharField(max_length=10, choices=FailureKind.choices)
    what = models.CharField(max_length=120)  # the task's name, or "session 5 by email"
    reason = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["clinic", "at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} failed: {self.what}"
