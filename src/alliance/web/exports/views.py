"""The export page: a therapist exports a client, a supervisor their team, an admin the clinic;
every client in an export is audited as exported."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from alliance.web.clinic.access import exportable_clients
from alliance.web.clinic.audit import record_export

from .files import export_zip
from .forms import ExportForm
from .interchange import answer_frame, responses_of
from .research import for_research


def scopes_of(user) -> list[str]:
    found = ["client"]
    if user.supervised_teams.exists():
        found.append("team")
    if user.is_clinic_admin:
        found.append("clinic")
    return found


@never_cache
@login_required
def export(request):
    """GET: the form; POST: the zip file, or the form naming what is wrong."""
    form = ExportForm(request.POST or None, scopes=scopes_of(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            return _download(request, **form.cleaned_data)
        except Http404:
            form.add_error("code", _("no client of yours has this code"))
    return render(
        request, "exports/export.html", {"form": form}, status=400 if form.errors else 200
    )


def _download(request, *, scope, code, format, study, free_text) -> HttpResponse:
    clients = list(exportable_clients(request.user, scope, code))
    table = answer_frame(responses_of(clients))
    if study:
        table = for_research(table, study, free_text=free_text)
    what = f"{'research-' if study else ''}export-{format}"
    for client in clients:
        record_export(request, client, what, f"{scope}{':' + study if study else ''}")
    name = f"alliance-{scope}-{timezone.localdate():%Y%m%d}.zip"
    response = HttpResponse(export_zip(table, format), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
