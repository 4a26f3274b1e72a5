"""Scores kept without anyone's name or code after an erasure, when the clinic chooses to keep
them for its own statistics (ClinicSettings.erasure_keeps_scores)."""

from __future__ import annotations

from django.db import models


class AnonymousScore(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    instrument = models.CharField(max_length=50)
    respondent = models.CharField(max_length=20)
    session_number = models.PositiveIntegerField()
    scores = models.JSONField(default=dict)
    band = models.CharField(max_length=40, blank=True)
    year = models.PositiveSmallIntegerField()  # only the year, so a row cannot be dated to a visit

    @classmethod
    def keep_from(cls, client) -> None:
        cls.objects.bulk_create(
            cls(
                clinic_id=client.clinic_id,
                instrument=response.instrument,
                respondent=response.respondent,
                session_number=response.session.number,
                scores=response.scores,
                band=response.band,
                year=response.submitted_at.year,
            )
            for response in client.responses.select_related("session")
        )
