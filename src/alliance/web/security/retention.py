"""Records past the clinic's retention period: clients with no open episode whose last episode
ended more than `retention_years` ago."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, Max, OuterRef

from alliance.web.clinic.models import Client, ClinicSettings, Episode


def past_retention(today: dt.date) -> list[Client]:
    """Every client due for erasure today, in code order."""
    due: list[Client] = []
    for settings in ClinicSettings.objects.filter(retention_years__gt=0):
        cutoff = _years_before(today, settings.retention_years)
        open_episode = Episode.objects.filter(client=OuterRef("pk"), ended__isnull=True)
        found = (
            Client.objects.filter(clinic_id=settings.clinic_id)
            .annotate(last_end=Max("episodes__ended"), still_open=Exists(open_episode))
            .filter(still_open=False, last_end__lt=cutoff)
        )
        due.extend(found)
    return sorted(due, key=lambda client: client.code)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
