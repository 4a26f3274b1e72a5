"""What the clinic admin sees of the clinic: staff, teams, settings and usage in counts only."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance.measures import get_instrument
from alliance.web.accounts.models import Team, User
from alliance.web.clinic.instruments import title_of
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
    return [title_of(get_instrument(i)) for i in labelled if i not in imported]


def usage(clinic_id: int) -> dict[str, int]:
    """Counts only: an admin sees no client's record."""
    since = timezone.now() - dt.timedelta(days=30)
    clients = Client.objects.filter(clinic_id=clinic_id)
    return {
        _("clients in care"): clients.filter(episodes__ended__isnull=True).distinct().count(),
        _("clients whose care ended"): clients.exclude(episodes__ended__isnull=True)
        .distinct()
        .count(),
        _("check-ins answered in the last 30 days"): Response.objects.filter(
            client__clinic_id=clinic_id, respondent="client", submitted_at__gte=since
        )
        .values("session")
        .distinct()
        .count(),
        _("open alerts"): Alert.objects.filter(client__clinic_id=clinic_id).open().count(),
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
        title = title_of(get_instrument(instrument_id))
        if every == 1:
            words.append(_("%(title)s: every session") % {"title": title})
        else:
            when = _("%(title)s: session 1 and every %(every)s sessions after")
            words.append(when % {"title": title, "every": every})
    return words


def delivery_in_words(delivery: DeliverySettings, settings: ClinicSettings) -> list[str]:
    """When check-ins go out, the reminder, the expiry, the warning and the wording, in words."""
    return [
        _sending_in_words(delivery),
        _reminder_in_words(delivery.remind_after_hours),
        _("A check-in link expires %(hours)s after it is made or sent")
        % {"hours": _hours(settings.link_lifetime_hours)},
        _missed_in_words(delivery.missed_in_a_row),
        _urgent_in_words(delivery.duty_email),
        _wording_in_words(delivery),
    ]


def _urgent_in_words(duty_email: str) -> str:
    if not duty_email:
        return _("Urgent alerts are told to the client's therapist")
    return _("Urgent alerts are told to the client's therapist and to %(email)s") % {
        "email": duty_email
    }


def _sending_in_words(delivery: DeliverySettings) -> str:
    if delivery.send_when == SendWhen.AFTER:
        return _("Check-ins go out %(hours)s after each attended session") % {
            "hours": _hours(delivery.send_after_hours)
        }
    return _("Check-ins go out at the end of each attended session")


def _reminder_in_words(hours: int) -> str:
    if not hours:
        return _("No reminder is sent")
    return _("One reminder follows %(hours)s after sending if the check-in is unanswered") % {
        "hours": _hours(hours)
    }


def _missed_in_words(count: int) -> str:
    if not count:
        return _("Missed check-ins raise no warning")
    return ngettext(
        "A warning is raised when a client misses %(count)s check-in",
        "A warning is raised when a client misses %(count)s check-ins in a row",
        count,
    ) % {"count": count}


def _wording_in_words(delivery: DeliverySettings) -> str:
    labels = ClinicDeliveryForm.Meta.labels
    own = [labels[name].lower() for name in DEFAULTS if getattr(delivery, name).strip()]
    if not own:
        return _("Messages use the shipped wording")
    return _("Messages use the clinic's own %(own)s; the rest the shipped wording") % {
        "own": ", ".join(own)
    }


def _hours(count: int) -> str:
    return ngettext("%(count)s hour", "%(count)s hours", count) % {"count": count}
