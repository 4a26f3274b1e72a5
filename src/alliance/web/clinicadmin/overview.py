"""What the clinic admin sees of the clinic: staff, teams, settings and usage in counts only."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from alliance.measures import get_instrument
from alliance.web.accounts.models import Team, User
from alliance.web.clinic.models import Alert, Client, ClinicSettings, Response
from alliance.web.wording.models import LicensedWording


def short_label_instruments(settings: ClinicSettings) -> list[str]:
    """Standard instruments the check-in asks on the project's short labels: the clinic has not
    imported their official wording."""
    asked = [i for i, _ in settings.asked()]
    labelled = [i for i in asked if get_instrument(i).wording == "labels"]
    imported = set(
        LicensedWording.objects.filter(
            clinic_id=settings.clinic_id, instrument__in=labelled
        ).values_list("instrument", flat=True)
    )
    return [get_instrument(i).title for i in labelled if i not in imported]


def usage(clinic_id: int) -> dict[str, int]:
    """Counts only: an admin sees no client's record."""
    since = timezone.now() - dt.timedelta(days=30)
    clients = Client.objects.filter(clinic_id=clinic_id)
    return {
        "clients in care": clients.filter(episodes__ended__isnull=True).distinct().count(),
        "clients whose care ended": clients.exclude(episodes__ended__isnull=True)
        .distinct()
        .count(),
        "check-ins answered in the last 30 days": Response.objects.filter(
            client__clinic_id=clinic_id, respondent="client", submitted_at__gte=since
        )
        .values("session")
        .distinct()
        .count(),
        "open alerts": Alert.objects.filter(client__clinic_id=clinic_id).open().count(),
    }


def staff(clinic_id: int):
    return (
        User.objects.filter(clinic_id=clinic_id, is_active=True)
        .select_related("team")
        .order_by("role", "username")
    )


def teams(clinic_id: int):
    return Team.objects.filter(clinic_id=clinic_id).select_related("supervisor").order_by("name")


def schedule_in_words(settings: ClinicSettings) -> list[str]:
    words = []
    for instrument_id, every in settings.asked():
        when = "every session" if every == 1 else f"session 1 and every {every} sessions after"
        words.append(f"{get_instrument(instrument_id).title}: {when}")
    return words
