"""The caseload page; sorting and filtering are query parameters, htmx only refreshes the table."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from alliance.web.alerts.queries import urgent_alerts
from alliance.web.clinic.instruments import for_clinic
from alliance.web.delivery.status import add_checkin_status
from alliance.web.outcome.recovery import DEFAULT_NOTE

from .query import Row, build_rows

SORTS = {
    "code": ("Client", lambda row: row.client.code),
    "alliance": ("Alliance, lowest first", lambda row: _missing_last(row.alliance_total)),
    "outcome": (
        "Outcome, highest first",
        lambda row: _missing_last(-row.outcome if row.outcome is not None else None),
    ),
    "last-session": (
        "Last session, oldest first",
        lambda row: (row.client.last_session is None, row.client.last_session or dt.date.min),
    ),
    "alerts": ("Alerts first", lambda row: (not row.urgent, -len(row.alerts), row.client.code)),
}


def _missing_last(value) -> tuple:
    return (value is None, value or 0)


def sort_rows(rows: list[Row], sort: str) -> list[Row]:
    key = SORTS.get(sort, SORTS["alerts"])[1]
    return sorted(rows, key=key)


@login_required
def caseload(request):
    """Every active client the user may see, with alliance, outcome and alerts."""
    search = request.GET.get("q", "").strip()[:50]
    therapist = request.GET.get("therapist", "").strip()[:150]
    sort = request.GET.get("sort", "alerts")
    instruments = for_clinic(request.user.clinic_id)
    rows = build_rows(request.user, search=search, therapist=therapist, instruments=instruments)
    rows = sort_rows(rows, sort)
    if request.GET.get("attention") == "1":
        rows = [row for row in rows if row.alerts]
    add_checkin_status(rows)
    context = {
        "rows": rows,
        "instruments": instruments,
        "urgent": urgent_alerts(request.user),
        "sort": sort if sort in SORTS else "alerts",
        "sorts": SORTS,
        "q": search,
        "therapist": therapist,
        "attention": request.GET.get("attention") == "1",
        "show_therapist": request.user.supervised_teams.exists(),
        "default_curve": DEFAULT_NOTE
        if any(row.track and row.track.default_curve for row in rows)
        else "",
    }
    template = "caseload/_table.html" if request.headers.get("HX-Request") else "caseload/page.html"
    return render(request, template, context)
