"""The caseload page; filters, sorting and the page are query parameters, htmx only refreshes
the table."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from alliance.web.clinic.instruments import for_clinic
from alliance.web.outcome.recovery import DEFAULT_NOTE

from .query import SORTS, STATUSES, listing, summaries, urgent_alerts_of
from .rows import rows_html


def list_filters(request) -> dict:
    """The list's filters from the query string, cut to sane lengths."""
    search = request.GET.get("q", "").strip()[:50]
    status = request.GET.get("status", "active")
    return {
        "search": search,
        "therapist": request.GET.get("therapist", "").strip()[:150],
        "status": status if status in STATUSES else "active",
        "attention": request.GET.get("attention") == "1",
    }


def page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def list_context(request, listed, filters: dict) -> dict:
    """What the list templates need, with the query string kept for the sort and page links."""
    kept = request.GET.copy()
    kept.pop("page", None)
    return {
        "listing": listed,
        "rows": listed.rows,
        "sort": listed.sort,
        "sorts": SORTS,
        "statuses": STATUSES,
        "status": filters["status"],
        "q": filters["search"],
        "therapist": filters["therapist"],
        "attention": filters["attention"],
        "kept_query": kept.urlencode(),
        "default_curve": DEFAULT_NOTE
        if any(row.track and row.track.default_curve for row in listed.rows)
        else "",
    }


@login_required
def caseload(request):
    """The clients the user may see, a page at a time, with alliance, outcome and alerts."""
    filters = list_filters(request)
    # the urgent alerts first: their query also reopens the snoozed rows the list then shows
    urgent, more_urgent = urgent_alerts_of(request.user, summaries(request.user, status="all"))
    found = summaries(request.user, **filters)
    listed = listing(
        found, sort=request.GET.get("sort", "alerts"), page=page_number(request), reopened=True
    )
    show_therapist = request.user.supervises_a_team
    context = list_context(request, listed, filters) | {
        "instruments": for_clinic(request.user.clinic_id),
        "urgent": urgent,
        "more_urgent": more_urgent,
        "show_therapist": show_therapist,
        "rows_html": rows_html(listed.rows, show_therapist=show_therapist),
    }
    template = "caseload/_table.html" if request.headers.get("HX-Request") else "caseload/page.html"
    return render(request, template, context)
