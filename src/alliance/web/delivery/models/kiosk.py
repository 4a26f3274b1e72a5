"""Kiosk mode: a clinic device signed in as an account that can only take check-in codes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class KioskDevice(models.Model):
    """Marks a staff account as a kiosk: it may open /kiosk/ and nothing else."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kiosk_device"
    )
    name = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.name


class KioskCode(models.Model):
    """A short one-use code that opens one check-in at a kiosk; only its hash is stored."""

    delivery = models.ForeignKey("delivery.Delivery", on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)


class KioskAttempt(models.Model):
    """A code typed at a kiosk, kept for the rate limit (the hash, never the code)."""

    device = models.ForeignKey(KioskDevice, on_delete=models.CASCADE, related_name="attempts")
    code_hash = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)
    succeeded = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["device", "at"]), models.Index(fields=["code_hash", "at"])]
