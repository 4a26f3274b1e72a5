"""A client's contact details: personal data, in a table of their own, erased with the client."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Preference(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message (SMS)")
    NONE = "none", _("Do not send")


class Contact(models.Model):
    """How to reach one client; shown only to their own therapist, never logged or exported."""

    client = models.OneToOneField("clinic.Client", on_delete=models.CASCADE, related_name="contact")
    email = models.EmailField(blank=True)
    mobile = models.CharField(max_length=20, blank=True)  # E.164, e.g. +447400123456
    delivery = models.CharField(max_length=10, choices=Preference.choices, default=Preference.NONE)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:  # never the address itself
        return f"contact of {self.client_id}"

    def address_for(self, channel: str) -> str:
        return {"email": self.email, "sms": self.mobile}.get(channel, "")
