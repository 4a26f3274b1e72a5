"""The team's trends over time, on a page of their own so the team dashboard stays quick."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from alliance.web.clinic.access import supervised_therapists
from alliance.web.clinic.audit import record_read
from alliance.web.clinic.instruments import for_clinic

from .empty_team import shows_an_empty_team
from .trend_charts import better_words, trend_charts
from .trends import FEW_CHECKINS, FEW_RUPTURES, MONTHS, team_trends


@login_required
@shows_an_empty_team
def team_trends_page(request):
    """The alliance, the outcome and the repair rate by month, for the team or one therapist."""
    therapists = list(supervised_therapists(request.user))
    if not therapists:
        raise Http404("No team")
    record_read(request, None, "team-trends")
    chosen = request.GET.get("therapist", "")
    shown = [t for t in therapists if t.username == chosen] or therapists
    instruments = for_clinic(request.user.clinic_id)
    months = team_trends(
        request.user, [t.pk for t in shown], instruments.outcome, timezone.localdate()
    )
    context = {
        "months": months,
        "charts": trend_charts(months, instruments.outcome) if months else [],
        "therapists": therapists,
        "therapist": chosen if [t.username for t in shown] == [chosen] else "",
        "who": shown[0].display if len(shown) == 1 else "",
        "outcome_name": instruments.outcome_name,
        "outcome_better": better_words(instruments.outcome),
        "window": MONTHS,
        "few_checkins": FEW_CHECKINS,
        "few_ruptures": FEW_RUPTURES,
    }
    return render(request, "reports/trends.html", context)
