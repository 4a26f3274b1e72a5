"""One check-in on its way to a client: by which channel, and what has happened to it."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("SMS")
    KIOSK = "kiosk", _("Kiosk")


class Status(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENT = "sent", _("Sent")
    REMINDED = "reminded", _("Reminded")
    OPENED = "opened", _("Opened")
    ANSWERED = "answered", _("Answered")
    EXPIRED = "expired", _("Expired")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


# still waiting for the client: a send, a reminder or the expiry may act on it
WAITING = (Status.SCHEDULED, Status.SENT, Status.REMINDED, Status.OPENED)
FINAL = (Status.ANSWERED, Status.EXPIRED, Status.FAILED, Status.CANCELLED)


def new_seed() -> str:
    return secrets.token_urlsafe(24)


class Delivery(models.Model):
    """A check-in for one session sent (or to be sent) by one channel.

    The link's token is derived from `seed` and the server's secret key, so the reminder can
    carry the same link while the database alone still cannot answer for a client.
    """

    session = models.ForeignKey(
        "clinic.Session", on_delete=models.CASCADE, related_name="deliveries"
    )
    link = models.OneToOneField(
        "clinic.CheckinLink",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delivery",
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    reason = models.CharField(max_length=200, blank=True)
    seed = models.CharField(max_length=40, default=new_seed)
    scheduled_for = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sending_since = models.DateTimeField(null=True, blank=True)  # a send is under way
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return f"delivery {self.pk} ({self.channel}, {self.status})"

    @property
    def url(self) -> str:
        """The check-in address this delivery sends (derived again, never stored)."""
        from ..tokens import checkin_url

        return checkin_url(self.seed)

    @property
    def is_waiting(self) -> bool:
        return self.status in WAITING
