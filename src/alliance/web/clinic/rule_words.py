"""What the alert rules' alerts say (`alert_rules`), from their figures, in the active language."""

from __future__ import annotations

from django.utils.translation import gettext as _

from alliance.measures import get_instrument, list_instruments
from alliance.web.formats.numbers import shown_number

from .alert_words import Words, register_words
from .instruments import flag_label, title_of
from .models import AlertKind


def register() -> None:
    """Word every instrument's flags (a flag's id is its alert kind) and the alliance rules."""
    for instrument in list_instruments():
        for flag in instrument.flags:
            register_words(flag.id, flag_words)
    register_words(AlertKind.ALLIANCE_DROP, drop_words)
    register_words(AlertKind.ALLIANCE_REVIEW, review_words)


def flag_words(figures: dict) -> Words:
    """The flag's label, from its instrument file; what to do next, at once when it is urgent."""
    instrument = get_instrument(figures["instrument"])
    flag = next((f for f in instrument.flags if f.id == figures["flag"]), None)
    if flag is None:
        raise LookupError(f"{instrument.id} has no flag {figures['flag']!r}")
    label = flag_label(flag)
    if not flag.urgent:
        return Words(label, _("Ask about it at the start of the next session."))
    urgent = _(
        "%(title)s, item %(item)s. Contact the client today and follow the clinic's risk procedure."
    )
    return Words(label, urgent % {"title": title_of(instrument), "item": figures["item"]})


def drop_words(figures: dict) -> Words:
    said = _("The alliance fell from %(before)s to %(total)s since the last check-in.")
    if figures["provisional"]:
        why = _(
            "A drop of %(change)s or more is larger than measurement noise (provisional "
            "threshold). Check goals, tasks and bond."
        )
    else:
        why = _(
            "A drop of %(change)s or more is larger than measurement noise. Check goals, "
            "tasks and bond."
        )
    numbers = {key: shown_number(figures[key]) for key in ("before", "total", "change")}
    return Words(said % numbers, why % numbers)


def review_words(figures: dict) -> Words:
    said = _("The alliance is %(total)s, below %(cutoff)s of 10.")
    numbers = {key: shown_number(figures[key]) for key in ("total", "cutoff")}
    why = _(
        "Most clients rate the alliance near the top, so a score below this line is worth a "
        "conversation about what could work better."
    )
    return Words(said % numbers, why)
