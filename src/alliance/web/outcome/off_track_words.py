"""What the not-on-track alert says, from its figures, in the active language."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from alliance.web.clinic.alert_words import Words
from alliance.web.clinic.instruments import short_name
from alliance.web.formats.numbers import shown_decimal, shown_number

from .recovery import Track

DIMENSION_WORDS = {
    "goal": pgettext_lazy("alliance dimension", "goal"),
    "task": pgettext_lazy("alliance dimension", "task"),
    "bond": pgettext_lazy("alliance dimension", "bond"),
}


def track_figures(track: Track, outcome: str) -> dict:
    """The client's place on the expected course as the alert keeps it (plain JSON numbers)."""
    change = track.projected_change
    return {
        "outcome_instrument": outcome,
        "outcome": float(track.outcome),
        "session": int(track.session),
        "expected": float(track.expected),
        "lower": float(track.lower),
        "upper": float(track.upper),
        "projected_change": None if change is None else float(change),
        "above_band": bool(track.above_band),
        "default_curve": bool(track.default_curve),
    }


def off_track_words(figures: dict) -> Words:
    return Words(_message(figures), _explanation(figures))


def _message(figures: dict) -> str:
    numbers = {
        "name": short_name(figures["outcome_instrument"]),
        "outcome": shown_number(figures["outcome"]),
        "session": figures["session"],
        "lower": shown_decimal(figures["lower"]),
        "upper": shown_decimal(figures["upper"]),
    }
    if figures["above_band"]:
        said = _(
            "Not on track: %(name)s %(outcome)s at session %(session)s, above the expected range "
            "%(lower)s to %(upper)s."
        )
        return said % numbers
    said = _(
        "Not on track: %(name)s %(outcome)s at session %(session)s: the course so far points to "
        "a change of %(change)s from intake, less than clients of this clinic who went on to "
        "improve reliably."
    )
    return said % (numbers | {"change": f"{figures['projected_change']:+.1f}"})


def _explanation(figures: dict) -> str:
    why = _(
        "Clients of this clinic who started where this client did were expected to score about "
        "%(expected)s by now; most scored between %(lower)s and %(upper)s."
    ) % {key: shown_decimal(figures[key]) for key in ("expected", "lower", "upper")}
    if figures["default_curve"]:
        why += " " + _(
            "The range comes from the default curve: the clinic has too little history yet."
        )
    return f"{why} {_alliance_words(figures['alliance'])}"


def _alliance_words(alliance: list) -> str:
    """The latest alliance by dimension against the client's own average."""
    if not alliance:
        return _("No alliance check-in yet.")
    parts = [_dimension_words(dim, latest, mean) for dim, latest, mean in alliance]
    return _("Alliance at the latest check-in: %(parts)s.") % {"parts": ", ".join(parts)}


def _dimension_words(dim: str, latest: float, mean: float) -> str:
    said = _("%(dimension)s %(latest)s (own average %(mean)s)")
    return said % {
        "dimension": DIMENSION_WORDS.get(dim, dim),
        "latest": shown_number(latest),
        "mean": shown_decimal(mean),
    }
