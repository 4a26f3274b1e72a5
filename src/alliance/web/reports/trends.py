"""The team's trends by calendar month: the client-rated alliance, the outcome, and the repair
rate of ruptures by the month they began, with the counts each month rests on.

Two grouped queries whatever the history: the database reads the team's check-ins of the months
shown and returns one row a month and instrument, and one row a month of ruptures. The work grows
with the team's check-ins in those months, what is sent back only with the number of months."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Avg, Count, DateField, FloatField, OuterRef, Q, Subquery
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, TruncMonth

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.instruments import ALLIANCE, DIMENSIONS
from alliance.web.clinic.models import Respondent, Response, Rupture, RuptureStatus, Session

MONTHS = 24  # the page shows at most the last two years
FEW_CHECKINS = 5  # a month with fewer check-ins than this is drawn hollow
FEW_RUPTURES = 3  # and a repair rate resting on fewer closed ruptures


@dataclass
class Month:
    month: dt.date
    clients: int = 0
    checkins: int = 0
    alliance: float | None = None
    goal: float | None = None
    task: float | None = None
    bond: float | None = None
    outcome: float | None = None
    outcome_count: int = 0
    ruptures: int = 0  # ruptures that began this month
    closed: int = 0  # of those, the ones whose repair window has closed
    repaired: int = 0

    @property
    def repair_rate(self) -> float | None:
        """Repaired among the ruptures of this month whose window has closed (open ones wait)."""
        return self.repaired / self.closed if self.closed else None


def first_months(today: dt.date, count: int = MONTHS) -> list[dt.date]:
    """The first days of the `count` calendar months up to and including today's."""
    found = [today.replace(day=1)]
    while len(found) < count:
        found.insert(0, (found[0] - dt.timedelta(days=1)).replace(day=1))
    return found


def team_trends(viewer, therapist_ids: list[int], outcome: str, today: dt.date) -> list[Month]:
    """One Month from the first with any check-in or rupture (in the last MONTHS) to today's;
    empty when the team has none."""
    months = {day: Month(day) for day in first_months(today)}
    clients = visible_clients(viewer).filter(therapist_id__in=therapist_ids)
    shown = (min(months), _next_month(today))
    for row in _score_rows(clients, outcome, shown):
        _add_scores(months[_day(row["month"])], row, outcome)
    for row in _rupture_rows(clients, shown):
        _add_ruptures(months[_day(row["month"])], row)
    used = [m for m in months.values() if m.checkins or m.outcome_count or m.ruptures]
    if not used:
        return []
    return [m for m in months.values() if m.month >= used[0].month]


def _next_month(today: dt.date) -> dt.date:
    return (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _day(value) -> dt.date:
    """TruncMonth answers a date, or a datetime on some backends for an annotated date."""
    return value.date() if isinstance(value, dt.datetime) else value


def _mean(key: str):
    return Avg(Cast(KT(f"scores__{key}"), FloatField()))


def _score_rows(clients, outcome: str, shown: tuple[dt.date, dt.date]):
    return (
        Response.objects.filter(
            client__in=clients,
            respondent=Respondent.CLIENT,
            instrument__in=[ALLIANCE, outcome],
            session__date__gte=shown[0],
            session__date__lt=shown[1],
        )
        .annotate(month=TruncMonth("session__date"))
        .values("month", "instrument")
        .annotate(
            n=Count("pk"),
            clients=Count("client_id", distinct=True),
            total=_mean("total"),
            **{dim: _mean(dim) for dim in DIMENSIONS},
        )
        .order_by()
    )


def _add_scores(month: Month, row: dict, outcome: str) -> None:
    if row["instrument"] == outcome:
        month.outcome, month.outcome_count = row["total"], row["n"]
    if row["instrument"] == ALLIANCE:
        month.checkins, month.clients, month.alliance = row["n"], row["clients"], row["total"]
        for dim in DIMENSIONS:
            setattr(month, dim, row[dim])


def _rupture_rows(clients, shown: tuple[dt.date, dt.date]):
    onset = Session.objects.filter(client=OuterRef("client_id"), number=OuterRef("onset_session"))
    closed = Q(status__in=[RuptureStatus.REPAIRED, RuptureStatus.UNREPAIRED])
    return (
        Rupture.objects.filter(client__in=clients)
        .annotate(onset_date=Subquery(onset.values("date")[:1], output_field=DateField()))
        .filter(onset_date__gte=shown[0], onset_date__lt=shown[1])
        .annotate(month=TruncMonth("onset_date"))
        .values("month")
        .annotate(
            n=Count("pk"),
            closed=Count("pk", filter=closed),
            repaired=Count("pk", filter=Q(status=RuptureStatus.REPAIRED)),
        )
        .order_by()
    )


def _add_ruptures(month: Month, row: dict) -> None:
    month.ruptures, month.closed, month.repaired = row["n"], row["closed"], row["repaired"]
