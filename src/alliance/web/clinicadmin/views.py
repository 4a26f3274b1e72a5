"""The clinic admin's overview, settings and delivery pages; nobody else may open them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from alliance.web.clinic.audit import record
from alliance.web.clinic.models import ClinicSettings
from alliance.web.delivery.models import DeliverySettings
from alliance.web.delivery.settings_form import ClinicDeliveryForm

from . import overview as found
from .forms import ClinicSettingsForm


def _clinic_settings(request) -> ClinicSettings:
    if not request.user.is_clinic_admin or request.user.clinic_id is None:
        raise PermissionDenied("The clinic's overview and settings are for its clinic admin")
    return ClinicSettings.for_clinic(request.user.clinic_id)


@login_required
def overview(request):
    settings = _clinic_settings(request)
    clinic_id = settings.clinic_id
    return render(
        request,
        "clinicadmin/overview.html",
        {
            "clinic": settings.clinic,
            "settings": settings,
            "schedule": found.schedule_in_words(settings),
            "delivery": found.delivery_in_words(DeliverySettings.for_clinic(clinic_id), settings),
            "short_labels": found.short_label_instruments(settings),
            "usage": found.usage(clinic_id),
            "staff": found.staff(clinic_id),
            "teams": found.teams(clinic_id),
        },
    )


@login_required
def edit_settings(request):
    settings = _clinic_settings(request)
    form = ClinicSettingsForm(request.POST or None, instance=settings)
    if request.method == "POST" and form.is_valid():
        form.save()
        record(request.user, None, "clinic-settings-changed", settings)
        messages.success(request, _("The clinic's settings are saved."))
        return redirect("clinic-overview")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "clinicadmin/settings.html",
        {"form": form, "short_labels": found.short_label_instruments(settings)},
        status=status,
    )


@login_required
def edit_delivery(request):
    settings = _clinic_settings(request)
    delivery = DeliverySettings.for_clinic(settings.clinic_id)
    form = ClinicDeliveryForm(request.POST or None, instance=delivery)
    if request.method == "POST" and form.is_valid():
        form.save()
        record(request.user, None, "delivery-settings-changed", delivery)
        messages.success(request, _("The clinic's delivery settings are saved."))
        return redirect("clinic-overview")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "link_lifetime_hours": settings.link_lifetime_hours}
    return render(request, "clinicadmin/delivery.html", context, status=status)
