"""The audit page: who read or changed what, for a privacy officer or a clinic admin; reading it is
itself audited."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from alliance.web.clinic.audit import record_read
from alliance.web.clinic.formfields import CalendarDateInput

from .audit_log import audit_rows
from .hygiene import TextHygiene

PAGE_SIZE = 100


class AuditFilter(TextHygiene, forms.Form):
    client = forms.CharField(label=_("Client code"), max_length=32, required=False)
    user = forms.CharField(label=_("Staff username"), max_length=150, required=False)
    since = forms.DateField(label=_("From"), required=False, widget=CalendarDateInput())
    until = forms.DateField(label=_("Until"), required=False, widget=CalendarDateInput())


@login_required
def audit_page(request):
    if not request.user.reads_the_audit:
        raise PermissionDenied("The audit is for the privacy officer and the clinic admin")
    form = AuditFilter(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    record_read(request, None, "audit-page", _described(filters))
    rows = audit_rows(clinic_id=request.user.clinic_id, **filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "security/audit.html", {"form": form, "page": page})


def _described(filters: dict) -> str:
    return " ".join(f"{key}={value}" for key, value in filters.items() if value)
