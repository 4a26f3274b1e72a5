"""A supervisor whose teams have no therapists yet gets a page saying so, not a 404."""

from __future__ import annotations

import functools

from django.http import Http404
from django.shortcuts import render

from alliance.web.clinic.access import supervised_therapists


def supervises_an_empty_team(user) -> bool:
    """The user supervises a team of their own clinic that has no active therapist in it."""
    teams = user.supervised_teams.filter(clinic_id=user.clinic_id)
    return teams.exists() and not supervised_therapists(user).exists()


def shows_an_empty_team(view):
    """The view as it is, but the 404 it gives for a team without therapists becomes the empty
    team's page. Only the 404 path asks, so the dashboard's own queries stay as they are."""

    @functools.wraps(view)
    def answered(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            if not supervises_an_empty_team(request.user):
                raise
        return render(request, "reports/empty_team.html")

    return answered
