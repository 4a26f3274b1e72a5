"""Alerts raised by the answers; open until a person acknowledges them or the system closes them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Severity(models.TextChoices):
    URGENT = "urgent", "Urgent"
    WARNING = "warning", "Warning"
    INFO = "info", "For review"


SEVERITY_ORDER = {Severity.URGENT: 0, Severity.WARNING: 1, Severity.INFO: 2}
# short words for badges; any other kind is shown with its hyphens as spaces
KIND_LABELS = {
    "risk-self-harm": "risk of self-harm",
    "rupture-reported": "something felt off",
    "alliance-drop": "alliance dropped",
    "alliance-review": "alliance below the line",
    "rupture": "possible rupture",
    "task-disagreement": "disagrees with a task",
    "not-on-track": "not on track",
}


class AlertQuerySet(models.QuerySet):
    def open(self) -> AlertQuerySet:
        """Not acknowledged, not closed, and not snoozed (urgent alerts cannot be snoozed)."""
        now = timezone.now()
        return self.filter(acknowledged_at__isnull=True, closed_at__isnull=True).filter(
            Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=now) | Q(severity=Severity.URGENT)
        )


class Alert(models.Model):
    client = models.ForeignKey("clinic.Client", on_delete=models.CASCADE, related_name="alerts")
    response = models.ForeignKey(
        "clinic.Response", null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts"
    )
    kind = models.CharField(max_length=40)
    severity = models.CharField(max_length=20, choices=Severity.choices)
    message = models.CharField(max_length=300)
    explanation = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    snoozed_until = models.DateTimeField(null=True, blank=True)
    # closed by the system, e.g. when the rupture it announced was repaired; `outcome` says how
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=300, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.replace("-", " "))

    @property
    def is_urgent(self) -> bool:
        return self.severity == Severity.URGENT
