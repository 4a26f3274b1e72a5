"""Delivery settings and kiosk devices in the admin site, for clinic admins of their clinic."""

from django.contrib import admin

from alliance.web.accounts.admin import ClinicAdminOnly

from .models import DeliverySettings, KioskDevice
from .settings_form import DeliverySettingsForm


@admin.register(DeliverySettings)
class DeliverySettingsAdmin(ClinicAdminOnly):
    form = DeliverySettingsForm
    list_display = ("clinic", "send_when", "remind_after_hours", "missed_in_a_row")
    fieldsets = (
        (None, {"fields": ("clinic",)}),
        (
            "When check-ins go out",
            {"fields": ("send_when", "send_after_hours", "remind_after_hours", "missed_in_a_row")},
        ),
        ("Urgent alerts", {"fields": ("duty_email",)}),
        (
            "Wording ($clinic, $link, $expires)",
            {"fields": ("email_subject", "email_body", "reminder_body", "sms_body")},
        ),
    )


@admin.register(KioskDevice)
class KioskDeviceAdmin(ClinicAdminOnly):
    clinic_lookup = "user__clinic_id"
    list_display = ("name", "user")
