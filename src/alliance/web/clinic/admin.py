"""Only the clinic settings are managed in the admin; clinical models are never registered."""

from django.contrib import admin

from alliance.web.accounts.admin import ClinicAdminOnly

from .audit import record_account
from .models import ClinicSettings


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(ClinicAdminOnly):
    list_display = ("clinic", "link_lifetime_hours", "therapists_need_two_factor")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "therapists_need_two_factor" in form.changed_data:
            record_account(request, "two-factor-policy-changed", obj)
