"""Rupture episodes found by the detector, and what the therapist did about each."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RuptureStatus(models.TextChoices):
    OPEN = "open", _("Open: the repair window has not passed")
    REPAIRED = "repaired", _("Repaired")
    UNREPAIRED = "unrepaired", _("Not repaired")


class RuptureKind(models.TextChoices):
    WITHDRAWAL = "withdrawal", _("Withdrawal")
    CONFRONTATION = "confrontation", _("Confrontation")


class Rupture(models.Model):
    """One episode as the detector describes it (sessions by number), one per client and onset."""

    client = models.ForeignKey("clinic.Client", on_delete=models.CASCADE, related_name="ruptures")
    onset_session = models.PositiveIntegerField()
    lowest_session = models.PositiveIntegerField()
    last_session = models.PositiveIntegerField()
    depth = models.FloatField(null=True)
    depth_sd = models.FloatField(null=True)
    baseline = models.FloatField(null=True)
    dimensions = models.JSONField(default=list)
    rule = models.CharField(max_length=200)
    thresholds = models.JSONField(default=dict)
    status = models.CharField(
        max_length=20, choices=RuptureStatus.choices, default=RuptureStatus.OPEN
    )
    repair_session = models.PositiveIntegerField(null=True, blank=True)
    detected_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    alert = models.OneToOneField(
        "clinic.Alert", null=True, blank=True, on_delete=models.SET_NULL, related_name="rupture"
    )
    # what the therapist records
    kind = models.CharField(max_length=20, choices=RuptureKind.choices, blank=True)
    noticed = models.TextField(blank=True)
    strategies = models.JSONField(default=list)
    how_it_went = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["onset_session"]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "onset_session"], name="one_rupture_per_onset"
            )
        ]
