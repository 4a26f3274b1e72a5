"""Check-in links and the answers that come through them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Respondent(models.TextChoices):
    CLIENT = "client", _("Client")
    THERAPIST = "therapist", _("Therapist")


class CheckinLink(models.Model):
    """A one-use link for one session; only the SHA-256 hash of its token is stored."""

    session = models.ForeignKey("clinic.Session", on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    instruments = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)


class CheckinSubmission(models.Model):
    """A client's check-in as it was submitted through its link: the checked answers, kept as sent.

    The submit writes only this row, in one insert whose unique link (and session) lets exactly
    one of two racing submits through. The follow-up turns it into responses, goal and task
    ratings and alerts, marks the link used and sets `stored_at`. Answers that raise an urgent
    flag are stored in full within the submit itself.
    """

    link = models.OneToOneField(CheckinLink, on_delete=models.CASCADE, related_name="submission")
    client = models.ForeignKey(
        "clinic.Client", on_delete=models.CASCADE, related_name="submissions"
    )
    session = models.ForeignKey(
        "clinic.Session", on_delete=models.CASCADE, related_name="submissions"
    )
    answers = models.JSONField(default=dict)  # {instrument: {item: value}}
    ratings = models.JSONField(default=dict)  # {"goal-agreement__<goal>": 7, "task-...": ...}
    submitted_at = models.DateTimeField(default=timezone.now)
    stored_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)  # storing it failed this often
    language = models.CharField(max_length=10, blank=True)  # the language the page was shown in

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session"], name="one_client_checkin_per_session")
        ]
        indexes = [models.Index(fields=["client", "stored_at"])]


class Response(models.Model):
    """One administration of one instrument: raw answers and their scores."""

    client = models.ForeignKey("clinic.Client", on_delete=models.CASCADE, related_name="responses")
    session = models.ForeignKey(
        "clinic.Session", on_delete=models.CASCADE, related_name="responses"
    )
    instrument = models.CharField(max_length=50)
    respondent = models.CharField(max_length=20, choices=Respondent.choices)
    answers = models.JSONField(default=dict)
    scores = models.JSONField(default=dict)
    band = models.CharField(max_length=40, blank=True)
    flags = models.JSONField(default=list)
    submitted_at = models.DateTimeField(default=timezone.now)
    link = models.ForeignKey(
        CheckinLink, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # the language the questions were shown in; empty when not known (imported history)
    language = models.CharField(max_length=10, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "instrument", "respondent"],
                name="one_response_per_instrument_and_session",
            ),
        ]
        indexes = [models.Index(fields=["client", "instrument", "respondent"])]
