"""Webhook endpoints of a clinic and the deliveries of events to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    CHECKIN_STORED = "checkin.stored", _("A check-in is stored")
    ALERT_RAISED = "alert.raised", _("An alert is raised")
    RUPTURE_FLAGGED = "rupture.flagged", _("A rupture is flagged")
    ALERT_ACKNOWLEDGED = "alert.acknowledged", _("An alert is acknowledged")


class Endpoint(models.Model):
    clinic = models.ForeignKey("accounts.Clinic", on_delete=models.CASCADE, related_name="+")
    url = models.URLField(max_length=500)
    events = models.JSONField(default=list)  # Event values
    # kept to sign each delivery (HMAC needs the key itself); shown once, when it is made
    secret = models.CharField(max_length=100)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.url


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    RETRYING = "retrying", _("Failed; will be retried")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed; no more retries")


class Delivery(models.Model):
    """One event for one endpoint: its body is fixed when it is made, so a retry sends the
    same bytes with the same signature."""

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    audit_event = models.ForeignKey(
        "clinic.AuditEvent", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    event_id = models.UUIDField()
    event_type = models.CharField(max_length=40, choices=Event.choices)
    body = models.TextField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], name="one_delivery_per_event_and_endpoint"
            )
        ]
