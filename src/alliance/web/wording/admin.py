"""Clinic admins import a licensed wording here; each import and removal is audited."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from alliance.web.accounts.admin import ClinicAdminOnly
from alliance.web.clinic import audit

from .forms import ImportWordingForm
from .models import LicensedWording

SHOWN = ("instrument", "version", "language", "licence", "confirmed_by", "confirmed_at")


@admin.register(LicensedWording)
class LicensedWordingAdmin(ClinicAdminOnly):
    list_display = ("instrument", "version", "language", "licence", "confirmed_by", "confirmed_at")

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = ImportWordingForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return (
                "clinic",
                "questionnaire",
                "shipped_instrument",
                "check_in_language",
                "licence",
                "holds_licence",
            )
        return (*SHOWN, "items")

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else (*SHOWN, "items")

    @admin.display(description="Item texts shown")
    def items(self, obj: LicensedWording) -> str:
        return f"{len(obj.texts)} items in {obj.language}"

    def save_model(self, request, obj, form, change) -> None:
        if change:
            return  # imported wording is replaced by importing again, never edited
        LicensedWording.objects.filter(
            clinic=obj.clinic, instrument=obj.instrument, language=obj.language
        ).delete()
        obj.confirmed_by, obj.confirmed_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)
        audit.record(request.user, None, "wording-imported", obj)

    def delete_model(self, request, obj) -> None:
        audit.record(request.user, None, "wording-removed", obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            audit.record(request.user, None, "wording-removed", obj)
        super().delete_queryset(request, queryset)
