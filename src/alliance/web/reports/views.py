"""The client progress report and the supervision report (HTML or PDF); the team dashboard is
in team_page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from alliance.web.clinic.access import get_client_for, get_therapist_for
from alliance.web.clinic.audit import record_export, record_read
from alliance.web.clinic.instruments import for_clinic

from .charts import supervision_chart
from .pdf import pdf_response
from .progress import progress_context
from .slots import one_report_at_a_time
from .team import team_figures


def _respond(request, template: str, context: dict, *, pdf: str = ""):
    context = {**context, "today": timezone.localdate()}
    if pdf:
        return pdf_response(request, template, context, pdf)
    return render(request, template, context)


def _audit(request, client, what: str, target: object = None, *, pdf: bool) -> None:
    if pdf:
        record_export(request, client, f"{what}-pdf", target)
    else:
        record_read(request, client, what, target)


@login_required
@one_report_at_a_time
def client_report(request, code: str, pdf: bool = False):
    """A report to share with the client: their goals, alliance and outcome in plain words."""
    client = get_client_for(request.user, code)
    _audit(request, client, "client-report", pdf=pdf)
    return _respond(
        request,
        "reports/client_report.html",
        progress_context(client),
        pdf=f"progress-{client.code}.pdf" if pdf else "",
    )


@login_required
@one_report_at_a_time
def supervision_report(request, username: str, pdf: bool = False):
    """One therapist's caseload, who is off track, ruptures and repair, the alliance by part."""
    therapist = get_therapist_for(request.user, username)
    _audit(request, None, "supervision-report", therapist.username, pdf=pdf)
    figures = team_figures(request.user, [therapist])[0]
    context = {
        "figures": figures,
        "chart": supervision_chart(figures),
        "instruments": for_clinic(therapist.clinic_id),
    }
    return _respond(
        request,
        "reports/supervision_report.html",
        context,
        pdf=f"supervision-{therapist.username}.pdf" if pdf else "",
    )
