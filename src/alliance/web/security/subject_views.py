"""The clinic admin's answer to a subject-access request (a ZIP of everything held) and to a
request for erasure; both audited."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from alliance.web.clinic.access import get_client_for_subject_request
from alliance.web.clinic.audit import record_export

from .hygiene import TextHygiene
from .subject import erase, export_zip


class ClientCodeForm(TextHygiene, forms.Form):
    code = forms.CharField(label=_("Client code"), max_length=32)


class EraseForm(ClientCodeForm):
    confirm = forms.CharField(label=_("Type the client code again to confirm"), max_length=32)

    def clean(self):
        found = super().clean()
        if found.get("code") and found.get("confirm") != found.get("code"):
            self.add_error("confirm", _("does not match the client code"))
        return found


def _admin_only(request) -> None:
    if not request.user.is_clinic_admin:
        raise PermissionDenied("Subject requests are for the clinic admin")


@login_required
def subject_requests(request):
    _admin_only(request)
    context = {"export_form": ClientCodeForm(), "erase_form": EraseForm()}
    return render(request, "security/subject_requests.html", context)


@login_required
@require_POST
def export(request):
    _admin_only(request)
    form = ClientCodeForm(request.POST)
    if not form.is_valid():
        context = {"export_form": form, "erase_form": EraseForm()}
        return render(request, "security/subject_requests.html", context, status=400)
    client = get_client_for_subject_request(request.user, form.cleaned_data["code"].upper())
    record_export(request, client, "subject-access-export")
    response = HttpResponse(export_zip(client), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{client.code}.zip"'
    return response


@login_required
@require_POST
def erase_client(request):
    _admin_only(request)
    form = EraseForm(request.POST)
    if not form.is_valid():
        context = {"export_form": ClientCodeForm(), "erase_form": form}
        return render(request, "security/subject_requests.html", context, status=400)
    client = get_client_for_subject_request(request.user, form.cleaned_data["code"].upper())
    count = erase(client, by=request.user)
    messages.success(
        request,
        _("Erased client %(code)s: %(count)s rows.")
        % {"code": form.cleaned_data["code"].upper(), "count": count},
    )
    return redirect("subject-requests")
