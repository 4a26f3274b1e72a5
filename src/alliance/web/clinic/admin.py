"""Only the clinic settings are managed in the admin; clinical models are never registered."""

from django.contrib import admin

from alliance.web.accounts.admin import ClinicAdminOnly

from .models import ClinicSettings


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(ClinicAdminOnly):
    list_display = ("clinic", "link_lifetime_hours")
