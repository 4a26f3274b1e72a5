"""Admin for staff and clinic settings only: no clinical model is registered here.

Separation of duties (see duties.py): an admin cannot supervise a team, cannot change their own
role or team, and never sets another person's password; a reset link is emailed instead. Every
change of role, team, supervision or password is audited.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from alliance.web.clinic.audit import record_account
from alliance.web.security.hygiene import TextHygiene

from . import duties
from .models import Clinic, Team, User
from .reset import NoEmail, send_reset

STAFF_FIELDS = ("username", "email", "first_name", "last_name", "role", "clinic", "team")


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


class StaffChangeForm(TextHygiene, UserChangeForm):
    def clean_role(self):
        role = self.cleaned_data["role"]
        if "role" in self.changed_data:
            duties.check_role(self.instance, role)
        return role


class StaffAddForm(TextHygiene, forms.ModelForm):
    """A new staff member gets no password from the admin: they set their own from an email."""

    email = forms.EmailField(label="Email (the link to set a password is sent here)")

    class Meta:
        model = User
        fields = STAFF_FIELDS

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


@admin.register(User)
class StaffAdmin(ClinicAdminOnly, UserAdmin):
    form = StaffChangeForm
    add_form = StaffAddForm
    list_display = ("username", "first_name", "last_name", "role", "team", "clinical", "is_active")
    list_filter = ("role", "team", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Clinic", {"fields": ("role", "clinic", "team")}))
    add_fieldsets = ((None, {"fields": STAFF_FIELDS}),)
    actions = ["unlock_logins", "reset_two_factor"]

    @admin.action(description="Reset the two-factor login of the selected staff (lost phone)")
    def reset_two_factor(self, request, queryset):
        from alliance.web.security.twofactor import forget_devices

        for user in queryset:
            forget_devices(user)
            record_account(request, "two-factor-reset", user)
        messages.success(request, f"Two-factor login reset for {queryset.count()} person(s).")

    @admin.action(description="Unlock the login of the selected staff (after too many failures)")
    def unlock_logins(self, request, queryset):
        from axes.utils import reset

        for user in queryset:
            reset(username=user.username)
            record_account(request, "login-unlocked", user)
        messages.success(request, f"Unlocked {queryset.count()} login(s).")

    def has_delete_permission(self, request, obj=None) -> bool:
        """Staff are deactivated, never deleted, so every name in the record's history stays."""
        return False

    @admin.display(boolean=True, description="Clinical access")
    def clinical(self, user) -> bool:
        return duties.holds_clinical_relationship(user)

    def get_readonly_fields(self, request, obj=None):
        """Only a superuser may hand out superuser status or raw permissions; nobody changes
        their own role, team or standing."""
        fixed = () if request.user.is_superuser else ("is_superuser", "groups", "user_permissions")
        fixed += ("last_login", "date_joined") if obj is not None else ()
        if obj is not None and obj.pk == request.user.pk:
            fixed += ("role", "clinic", "team", "is_active", "is_staff")
        return tuple(dict.fromkeys(fixed))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            record_account(request, "staff-added", obj)
            _send_reset(request, obj, welcome=True)
        for field in {"role", "team", "is_active", "is_staff"} & set(form.changed_data):
            record_account(request, f"staff-{field.replace('_', '-')}-changed", obj)

    def user_change_password(self, request, id, form_url=""):
        """Nobody sets another person's password: a reset link is emailed to them instead."""
        user = get_object_or_404(self.get_queryset(request), pk=id)
        if user.pk != request.user.pk:
            _send_reset(request, user)
            return redirect(reverse("admin:accounts_user_change", args=[user.pk]))
        return super().user_change_password(request, id, form_url)


def _send_reset(request, user, *, welcome: bool = False) -> None:
    try:
        send_reset(request, user, welcome=welcome)
    except NoEmail as problem:
        messages.error(request, f"No link sent: {problem}; add an email address first.")
        return
    record_account(request, "password-reset-sent", user)
    messages.success(request, f"A link to set a password was emailed to {user.username}.")


class TeamForm(TextHygiene, forms.ModelForm):
    class Meta:
        model = Team
        fields = ("clinic", "name", "supervisor")

    def clean_supervisor(self):
        supervisor = self.cleaned_data["supervisor"]
        try:
            duties.check_supervisor(supervisor)
        except ValidationError as problem:
            raise ValidationError(problem.messages) from None
        return supervisor


@admin.register(Team)
class TeamAdmin(ClinicAdminOnly):
    form = TeamForm
    list_display = ("name", "supervisor", "clinic")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "supervisor" in form.changed_data:
            record_account(request, "team-supervisor-changed", obj)


@admin.register(Clinic)
class ClinicAdmin(ClinicAdminOnly):
    clinic_lookup = "id"
    list_display = ("name",)
