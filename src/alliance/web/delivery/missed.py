"""The warning for a client who missed several check-ins in a row, and its closing."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance.web.clinic.alert_words import Words
from alliance.web.clinic.models import Alert, AlertKind, Client

from .models import Delivery, DeliverySettings, Status

KIND = AlertKind.CHECKINS_MISSED


def missed_in_a_row(client: Client) -> int:
    """How many of the client's latest sent check-ins expired unanswered, counting back."""
    latest: dict[int, str] = {}
    finished = Delivery.objects.filter(session__client=client).exclude(
        status__in=[Status.CANCELLED, Status.FAILED]
    )
    rows = finished.order_by("-session__number", "-created_at").values_list("session_id", "status")
    for session_id, status in rows:
        latest.setdefault(session_id, status)
    count = 0
    for status in latest.values():
        if status != Status.EXPIRED:
            break
        count += 1
    return count


def open_missed_alert(client: Client) -> Alert | None:
    return Alert.objects.filter(
        client=client, kind=KIND, acknowledged_at__isnull=True, closed_at__isnull=True
    ).first()


def check_missed(client: Client) -> Alert | None:
    """Raise the warning once the client missed the clinic's number of check-ins in a row."""
    count = missed_in_a_row(client)
    needed = DeliverySettings.for_clinic(client.clinic_id).missed_in_a_row
    if not needed or count < needed or open_missed_alert(client):
        return None
    return Alert.objects.raise_(client, KIND, figures={"count": count})


def missed_words(figures: dict) -> Words:
    count = figures["count"]
    said = ngettext(
        "Missed %(count)s check-in in a row", "Missed %(count)s check-ins in a row", count
    )
    why = _(
        "The last check-in links sent expired unanswered. Ask the client in session how the "
        "check-in works for them (channel, timing, or the kiosk)."
    )
    return Words(said % {"count": count}, why)


def close_missed(client: Client, session_number: int) -> None:
    alert = open_missed_alert(client)
    if alert is not None:
        alert.close(f"Answered the check-in of session {session_number}.")
