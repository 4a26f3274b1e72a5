"""Alerts raised by the answers; open until a person acknowledges them or the system closes them.

An alert's life is written here once: `Alert.objects.raise_` (or `raise_all`), `alert.close`,
and `queryset.fold_into`, each writing its own audit row."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..alert_words import Words, shown_words, stored_words
from .alert_kinds import AlertKind, Severity
from .audit import AuditEvent


def _audit():
    # the audit module imports the models, so it is imported when first used
    from alliance.web.clinic import audit

    return audit


class AlertQuerySet(models.QuerySet):
    def open(self) -> AlertQuerySet:
        """Not acknowledged, not closed, and not snoozed (urgent alerts cannot be snoozed)."""
        now = timezone.now()
        return self.filter(acknowledged_at__isnull=True, closed_at__isnull=True).filter(
            Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=now) | Q(severity=Severity.URGENT)
        )

    def raise_(
        self,
        client,
        kind: AlertKind,
        message: str = "",
        explanation: str = "",
        *,
        figures: dict | None = None,
        **fields,
    ):
        """Store one alert of this kind (at the kind's severity) and audit it. With `figures`,
        the message and explanation kept are the kind's words for them (`alert_words`)."""
        alert = self.create(**_fields(client, kind, message, explanation, figures, fields))
        _audit().record(None, alert.client, "alert-raised", alert)
        return alert

    def raise_all(
        self, alerts: Iterable[Alert], *, actor=None, audit: list | None = None
    ) -> list[Alert]:
        """Store unsaved alerts (from `Alert.of_kind`) in one insert, with one audit row each
        (`actor`: who entered the answers, None for the client through a link).

        With `audit`, the rows are added to that list for the caller to write in one insert."""
        raised = self.bulk_create(alerts)
        rows = [_audit().event(actor, alert.client, "alert-raised", alert) for alert in raised]
        if audit is None:
            AuditEvent.objects.bulk_create(rows)
        else:
            audit.extend(rows)
        return raised

    def acknowledge(self, user, at=None) -> int:
        """Take on those not yet acknowledged: who (kept as text too, so a deleted account's
        name stays) and when. The caller audits. Returns how many were taken."""
        return self.filter(acknowledged_at__isnull=True).update(
            acknowledged_by=user,
            acknowledged_by_name=user.get_username(),
            acknowledged_at=at or timezone.now(),
        )

    def fold_into(self, into: models.Model, *, outcome: str) -> int:
        """Close these alerts as part of `into` (a record with a client, such as a rupture),
        with one audit row naming it when any was folded."""
        folded = self.update(closed_at=timezone.now(), outcome=outcome[:300])
        if folded:
            action = f"alerts-folded-into-{into._meta.model_name}"
            _audit().record(None, into.client, action, into)
        return folded


def _fields(
    client, kind: AlertKind, message: str, explanation: str, figures: dict | None, fields: dict
) -> dict:
    kind = AlertKind(kind)
    if figures is not None:
        message, explanation = stored_words(kind, figures)
    fields.setdefault("severity", kind.severity)
    return {
        "client": client,
        "kind": kind,
        "message": message[:300],
        "explanation": explanation,
        "figures": figures or {},
        **fields,
    }


class Alert(models.Model):
    client = models.ForeignKey("clinic.Client", on_delete=models.CASCADE, related_name="alerts")
    response = models.ForeignKey(
        "clinic.Response", null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts"
    )
    kind = models.CharField(max_length=40)
    severity = models.CharField(max_length=20, choices=Severity.choices)
    message = models.CharField(max_length=300)
    explanation = models.TextField(blank=True)
    # what the alert is (the scores, thresholds, sessions or counts it was raised on): pages
    # word it from these in the reader's language; message and explanation keep the English
    figures = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_by_name = models.CharField(max_length=150, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    snoozed_until = models.DateTimeField(null=True, blank=True)
    # closed by the system, e.g. when the rupture it announced was repaired; `outcome` says how
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=300, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    @classmethod
    def of_kind(
        cls,
        client,
        kind: AlertKind,
        message: str = "",
        explanation: str = "",
        *,
        figures: dict | None = None,
        **fields,
    ):
        """An unsaved alert of this kind, for `Alert.objects.raise_all` (`figures`: as `raise_`)."""
        return cls(**_fields(client, kind, message, explanation, figures, fields))

    def close(self, outcome: str) -> bool:
        """Close the alert with how it ended (kept on it) and audit it; False if already closed."""
        if self.closed_at is not None:
            return False
        self.closed_at, self.outcome = timezone.now(), outcome[:300]
        self.save(update_fields=["closed_at", "outcome"])
        _audit().record(None, self.client, "alert-closed", self)
        return True

    @property
    def words(self) -> Words:
        """The message and explanation in the active language (the stored text without figures)."""
        return shown_words(self.kind, self.figures, self.message, self.explanation)

    @property
    def kind_label(self) -> str:
        if self.kind in AlertKind.values:
            return AlertKind(self.kind).label
        return self.kind.replace("-", " ")

    @property
    def is_urgent(self) -> bool:
        return self.severity == Severity.URGENT
