"""What the clinic admin sees of the clinic: staff, teams, settings and usage in counts only."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from alliance.measures import get_instrument
from alliance.web.accounts.models import Team, User
from alliance.web.clinic.models import Alert, Client, ClinicSettings, Response
from alliance.web.delivery.messages import DEFAULTS
from alliance.web.delivery.models import DeliverySettings, SendWhen
from alliance.web.delivery.settings_form import ClinicDeliveryForm
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


def delivery_in_words(delivery: DeliverySettings, settings: ClinicSettings) -> list[str]:
    """When check-ins go out, the reminder, the expiry, the warning and the wording, in words."""
    return [
        _sending_in_words(delivery),
        _reminder_in_words(delivery.remind_after_hours),
        f"A check-in link expires {settings.link_lifetime_hours} hours after it is made or sent",
        _missed_in_words(delivery.missed_in_a_row),
        "Urgent alerts are told to the client's therapist"
        + (f" and to {delivery.duty_email}" if delivery.duty_email else ""),
        _wording_in_words(delivery),
    ]


def _sending_in_words(delivery: DeliverySettings) -> str:
    if delivery.send_when == SendWhen.AFTER:
        return f"Check-ins go out {_hours(delivery.send_after_hours)} after each attended session"
    return "Check-ins go out at the end of each attended session"


def _reminder_in_words(hours: int) -> str:
    if not hours:
        return "No reminder is sent"
    return f"One reminder follows {_hours(hours)} after sending if the check-in is unanswered"


def _missed_in_words(count: int) -> str:
    if not count:
        return "Missed check-ins raise no warning"
    return f"A warning is raised when a client misses {count} check-ins in a row"


def _wording_in_words(delivery: DeliverySettings) -> str:
    labels = ClinicDeliveryForm.Meta.labels
    own = [labels[name].lower() for name in DEFAULTS if getattr(delivery, name).strip()]
    if not own:
        return "Messages use the shipped wording"
    return "Messages use the clinic's own " + ", ".join(own) + "; the rest the shipped wording"


def _hours(count: int) -> str:
    return "1 hour" if count == 1 else f"{count} hours"
