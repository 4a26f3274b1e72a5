"""The supervisor's team dashboard: the team's urgent alerts first, each therapist at a glance,
then the team's clients a page at a time from their summaries."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from alliance.web.caseload.query import listing, summaries, urgent_alerts_of
from alliance.web.caseload.rows import rows_html
from alliance.web.caseload.views import list_context, list_filters, page_number
from alliance.web.clinic.access import supervised_therapists
from alliance.web.clinic.audit import record_read
from alliance.web.clinic.instruments import for_clinic

from .team import team_figures


@login_required
def team(request):
    """Each therapist of the supervisor's teams, their urgent alerts, and their clients."""
    therapists = list(supervised_therapists(request.user))
    if not therapists:
        raise Http404("No team")
    request.user.supervises_a_team = True  # the navigation's question, answered by the team
    record_read(request, None, "team-dashboard")
    ids = [t.pk for t in therapists]  # named as well as checked: the index leads with them
    filters = list_filters(request)
    if filters["therapist"] not in {t.username for t in therapists}:
        filters["therapist"] = ""
    # the urgent alerts first: their query also reopens the snoozed rows the list then shows
    team_clients = summaries(request.user, status="all", therapist_ids=ids, supervised=True)
    urgent, more_urgent = urgent_alerts_of(request.user, team_clients)
    found = summaries(request.user, therapist_ids=ids, supervised=True, **filters)
    sort, page = request.GET.get("sort", "alerts"), page_number(request)
    listed = listing(found, sort=sort, page=page, reopened=True)
    context = list_context(request, listed, filters) | {
        "team": team_figures(request.user, therapists, with_rows=False),
        "therapists": therapists,
        "urgent": urgent,
        "more_urgent": more_urgent,
        "instruments": for_clinic(request.user.clinic_id),
        "show_therapist": True,
        "rows_html": rows_html(listed.rows, show_therapist=True),
    }
    return render(request, "reports/team.html", context)
