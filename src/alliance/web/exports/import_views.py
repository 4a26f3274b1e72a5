"""The admin's import of history: upload, a preview listing every problem by row, then store
all or nothing."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from .checks import plan_import
from .importing import store_import

MAX_BYTES = 5 * 1024 * 1024
KEPT = "history-import"


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Interchange CSV (at most 5 MB)"))

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("the file is larger than 5 MB"))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("the file is not UTF-8 text")) from None


def _admin(request):
    user = request.user
    if not (user.is_active and user.is_clinic_admin and user.clinic_id):
        raise Http404("No such page")
    return user


@login_required
def history_import(request):
    """GET: the upload form; POST a file: the preview; POST confirm: store the previewed file."""
    admin = _admin(request)
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, admin)
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"]
        plan = plan_import(text, admin.clinic_id)
        if not plan.problems:
            request.session[KEPT] = text
        context["plan"] = plan
    bad = form.errors or context.get("plan") and context["plan"].problems
    return render(request, "exports/import.html", context, status=400 if bad else 200)


def _confirm(request, admin):
    text = request.session.pop(KEPT, None)
    if text is None:
        messages.error(request, _("file: upload the file again; nothing was stored"))
        return redirect("history-import")
    plan = plan_import(text, admin.clinic_id)  # checked again: the record may have changed
    if plan.problems:
        return render(
            request, "exports/import.html", {"form": UploadForm(), "plan": plan}, status=400
        )
    stored = store_import(plan, clinic_id=admin.clinic_id, by=admin)
    messages.success(
        request,
        _("Imported %(stored)s responses for %(clients)s clients.")
        % {"stored": stored, "clients": len(plan.clients)},
    )
    return redirect("history-import")
