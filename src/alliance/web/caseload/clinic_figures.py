"""Each therapist's and the clinic's figures summed over the client summaries, stored in a row of
their own, so the team page reads one row instead of adding up every client of the team.

The row carries the version of the summaries it was taken from: how many the clinic has and the
sum of their revisions, a number each write that changes a figure draws afresh (both read off one
index). The sum moves on with any such write whichever order writes commit in, and a client who
leaves changes the count. A page that finds the version moved on takes the figures again (one
pass over the clinic's summaries) and stores them for every server process."""

from __future__ import annotations

import secrets

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from alliance.analysis.trajectories import NOT_ON_TRACK
from alliance.web.accounts.models import Clinic
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
    found = _stored_and_version(clinic_id)
    if found is None:
        return {"clinic": dict.fromkeys(sum_names(), 0), "therapists": {}}
    version = f"{found['n'] or 0}:{found['revisions'] or 0}"
    if found["version"] == version:
        return found["stored"]
    figures = _take(clinic_id)
    ClinicFigures.objects.update_or_create(
        clinic_id=clinic_id,
        defaults={"version": version, "figures": figures, "taken_at": timezone.now()},
    )
    return figures


def _stored_and_version(clinic_id: int) -> dict | None:
    """The stored row's version and figures, and the summaries' version now, in one query."""
    of_clinic = ClientSummary.objects.filter(clinic_id=OuterRef("pk")).order_by()
    of_clinic = of_clinic.values("clinic_id")
    return (
        Clinic.objects.filter(pk=clinic_id)
        .annotate(
            n=Subquery(of_clinic.annotate(n=Count("pk")).values("n")),
            revisions=Subquery(of_clinic.annotate(total=Sum("revision")).values("total")),
        )
        .values("n", "revisions", version=F("figures__version"), stored=F("figures__figures"))
        .first()
    )


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
