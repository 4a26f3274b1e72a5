"""Telling staff: the urgent-alert email (once per alert) and the optional daily digest."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class UrgentNotice(models.Model):
    """The staff email about one urgent alert: one row per alert, so it goes out once."""

    alert = models.OneToOneField("clinic.Alert", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)


class DigestChoice(models.Model):
    """A staff member's choice of a daily email listing how many alerts wait for them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_choice"
    )
    daily = models.BooleanField(default=False)
    last_sent_on = models.DateField(null=True, blank=True)
