"""Admin for staff and clinic settings only: no clinical model is registered here."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Clinic, Team, User


class ClinicAdminOnly(admin.ModelAdmin):
    """Visible to clinic admins, scoped to their own clinic unless they are a superuser."""

    clinic_lookup = "clinic_id"

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_clinic_admin

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission

    def get_queryset(self, request):
        found = super().get_queryset(request)
        if request.user.is_superuser:
            return found
        return found.filter(**{self.clinic_lookup: request.user.clinic_id})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A clinic admin can only pick their own clinic, and teams and staff of it."""
        if not request.user.is_superuser:
            if db_field.name == "clinic":
                kwargs["queryset"] = Clinic.objects.filter(pk=request.user.clinic_id)
            elif db_field.related_model in (Team, User):
                kwargs["queryset"] = db_field.related_model.objects.filter(
                    clinic_id=request.user.clinic_id
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(User)
class StaffAdmin(ClinicAdminOnly, UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "team", "is_active")
    list_filter = ("role", "team", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Clinic", {"fields": ("role", "clinic", "team")}))
    add_fieldsets = (*UserAdmin.add_fieldsets, ("Clinic", {"fields": ("role", "clinic", "team")}))

    def get_readonly_fields(self, request, obj=None):
        """Only a superuser may hand out superuser status or raw permissions."""
        if request.user.is_superuser:
            return ()
        return ("is_superuser", "groups", "user_permissions", "last_login", "date_joined")


@admin.register(Team)
class TeamAdmin(ClinicAdminOnly):
    list_display = ("name", "supervisor", "clinic")


@admin.register(Clinic)
class ClinicAdmin(ClinicAdminOnly):
    clinic_lookup = "id"
    list_display = ("name",)
