"""Each therapist's and the clinic's figures summed over the client summaries, stored in a row of
their own, so the team page reads one row instead of adding up every client of the team.

The row carries the version of the summaries it was taken from: how many the clinic has and the
sum of their revisions, a number each write that changes a figure draws afresh (both read off one
index). The sum moves on with any such write whichever order writes commit in, and a client who
leaves changes the count. A page that finds the version moved on takes the figures again (one
pass over the clinic's summaries) and stores them for every server process."""

from __future__ import annotations

import secrets

from django.db.models import Count, Q, Sum
from django.utils import timezone

from alliance.analysis.trajectories import NOT_ON_TRACK
from alliance.web.clinic.instruments import DIMENSIONS

from .models import ClientSummary, ClinicFigures

PARTS = ("n", "sum", "squares")
REVISION_BITS = 31


def new_revision() -> int:
    """A fresh revision for a summary being written (drawn from the system, so it leaves any
    seeded random state alone)."""
    return secrets.randbits(REVISION_BITS)


def sum_names() -> list[str]:
    return [f"{dim}_{part}" for dim in DIMENSIONS for part in PARTS]


def clinic_figures(clinic_id: int) -> dict:
    """{"clinic": {"goal_n": ..., ...}, "therapists": {"<id>": {"active": ..., "off": ...,
    "goal_n": ..., ...}}} over every client summary of the clinic."""
    version = _version(clinic_id)
    stored = ClinicFigures.objects.filter(clinic_id=clinic_id).values_list("version", "figures")
    for kept, figures in stored[:1]:
        if kept == version:
            return figures
    figures = _take(clinic_id)
    ClinicFigures.objects.update_or_create(
        clinic_id=clinic_id,
        defaults={"version": version, "figures": figures, "taken_at": timezone.now()},
    )
    return figures


def _version(clinic_id: int) -> str:
    """How many summaries the clinic has and the sum of their revisions (one index scan)."""
    found = ClientSummary.objects.filter(clinic_id=clinic_id).aggregate(
        n=Count("pk"), revisions=Sum("revision")
    )
    return f"{found['n']}:{found['revisions'] or 0}"


def _take(clinic_id: int) -> dict:
    """One pass over the clinic's summaries, grouped by therapist; the clinic is their sum."""
    active = Q(episode_active=True)
    groups = (
        ClientSummary.objects.filter(clinic_id=clinic_id)
        .order_by()
        .values("therapist_id")
        .annotate(
            active=Count("pk", filter=active),
            off=Count("pk", filter=active & Q(track=NOT_ON_TRACK)),
            **{name: Sum(name) for name in sum_names()},
        )
    )
    therapists = {str(g.pop("therapist_id")): g for g in groups}
    clinic = {name: sum(g[name] or 0 for g in therapists.values()) for name in sum_names()}
    return {"clinic": clinic, "therapists": therapists}
