"""Say in plain words what the detector found: what dropped, by how much, against what baseline,
which signs raised the alert and which rules fired, and what the client wrote; and how the episode
ended."""

from __future__ import annotations

import functools

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.web.clinic.alert_words import Words
from alliance.web.clinic.models import Alert, AlertKind, Rupture, RuptureStatus
from alliance.web.formats.numbers import shown_decimal, shown_number

from .words import client_said, said_words

DIMENSION_NAMES = {
    "goal": gettext_lazy("goals"),
    "task": gettext_lazy("tasks"),
    "bond": gettext_lazy("the bond"),
}

RULE_TEXT = {
    "v-episode": gettext_lazy("the alliance was at least %(k)s SD below the client's usual level"),
    "dimension-drop": gettext_lazy(
        "one of goals, tasks or bond fell at least %(k)s SD while the others held"
    ),
    "client-reported": gettext_lazy("the client said that something felt off"),
    "sudden-loss": gettext_lazy("the alliance fell suddenly from one session to the next"),
    "below-flag": gettext_lazy("the alliance was under the check-in's line"),
    "therapist-gap": gettext_lazy(
        "you rated the session at least %(gap)s points higher than the client"
    ),
    "converging-signs": gettext_lazy(
        "the scores alone pointed to a rupture: evidence of at least %(k)s SD"
    ),
}
# the same rules without their threshold, for a rupture stored without it
RULE_SHORT = {
    "v-episode": gettext_lazy("the alliance was below the client's usual level"),
    "dimension-drop": gettext_lazy("one of goals, tasks or bond fell while the others held"),
    "therapist-gap": gettext_lazy("you rated the session higher than the client"),
    "converging-signs": gettext_lazy("the scores alone pointed to a rupture"),
}
SIGN_LINE = 1.0  # a sign is worth naming from 1 SD on


def in_the_clinics_language(make_text):
    """Text kept on a record is written in the site's language, whoever's request raised it."""

    @functools.wraps(make_text)
    def made(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return make_text(*args, **kwargs)

    return made


def rule_text(rupture: Rupture) -> list[str]:
    """One plain sentence per rule that fired, with its threshold."""
    found = []
    for name in rupture.rule.split("+"):
        template = RULE_TEXT.get(name)
        if template is None:
            found.append(name)
            continue
        try:
            found.append(str(template) % _numbers(rupture.thresholds.get(name, {})))
        except (KeyError, TypeError, ValueError):
            found.append(str(RULE_SHORT.get(name, template)))
    return found


def _numbers(thresholds) -> dict[str, str]:
    if not isinstance(thresholds, dict):
        return {}
    return {
        key: shown_number(value)
        for key, value in thresholds.items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    }


def raised_by(rupture: Rupture) -> list[str]:
    """The signs that raised the alert, each with what was seen: the client's report, the
    alliance's fall, one dimension falling beyond the others, the therapist's rating, a sudden
    loss; for any other rule, what the rule saw."""
    signs = rupture.thresholds.get("signs") or {}
    rules = rupture.rule.split("+")
    found = [str(RULE_TEXT["client-reported"])] if "client-reported" in rules else []
    found += [part for part in (_drop_part(rupture, signs),) if part]
    found += [part for part in (_dimension_part(signs), _therapist_part(signs)) if part]
    if "sudden-loss" in rules:
        found.append(str(RULE_TEXT["sudden-loss"]))
    named = {"client-reported", "sudden-loss", "v-episode", "converging-signs"}
    shown = [
        text for name, text in zip(rules, rule_text(rupture), strict=True) if name not in named
    ]
    return found + [text for text in shown if text not in found]


def signs_text(rupture: Rupture) -> str:
    """Which signs raised the alert, at which session, and how strong they were together."""
    signs = rupture.thresholds.get("signs") or {}
    session = signs.get("session") or rupture.onset_session
    text = _("Signs that raised it at session %(session)s: %(signs)s.") % {
        "session": session,
        "signs": "; ".join(raised_by(rupture)),
    }
    combined = signs.get("combined_sd")
    if combined is not None and (_dimension_part(signs) or _therapist_part(signs)):
        together = _("Together with the alliance's own fall they came to %(sd)s SD.")
        text += " " + together % {"sd": shown_decimal(combined)}
    return text


def _drop_part(rupture: Rupture, signs: dict) -> str:
    drop = signs.get("drop_sd") if signs else rupture.depth_sd
    if drop is None or drop <= 0:
        return ""
    words = _("the alliance was %(sd)s SD below the client's usual level")
    return words % {"sd": shown_decimal(drop)}


def _dimension_part(signs: dict) -> str:
    name, points = signs.get("dimension"), signs.get("dimension_points")
    strong = (signs.get("dimension_sd") or 0) >= SIGN_LINE
    if name not in DIMENSION_NAMES or points is None or not strong:
        return ""
    others = _and(DIMENSION_NAMES[d] for d in DIMENSION_NAMES if d != name)
    return _("%(part)s fell %(points)s points further below %(others)s than usual") % {
        "part": DIMENSION_NAMES[name],
        "points": shown_decimal(points),
        "others": others,
    }


def _and(names) -> str:
    return str(_(" and ")).join(str(name) for name in names)


def _therapist_part(signs: dict) -> str:
    points = signs.get("therapist_points")
    if points is None or (signs.get("therapist_sd") or 0) < SIGN_LINE:
        return ""
    return _("you rated the session %(points)s points further above the client than usual") % {
        "points": shown_decimal(points)
    }


def what_dropped(rupture: Rupture) -> str:
    if rupture.depth is None or rupture.baseline is None or rupture.depth <= 0:
        return _("At session %(session)s the client said something felt off") % {
            "session": rupture.onset_session
        }
    said = _(
        "At session %(session)s the alliance was %(depth)s points below the client's usual "
        "%(usual)s of 10"
    ) % {
        "session": rupture.lowest_session,
        "depth": shown_decimal(rupture.depth),
        "usual": shown_decimal(rupture.baseline),
    }
    return said + where_it_fell(rupture)


def where_it_fell(rupture: Rupture) -> str:
    names = [DIMENSION_NAMES.get(d, d) for d in rupture.dimensions]
    if not names:
        return ""
    if len(names) == len(DIMENSION_NAMES):
        return _(", in goals, tasks and bond alike")
    return _(", mostly in %(parts)s") % {"parts": _and(names)}


def explanation(rupture: Rupture, words: list[str]) -> str:
    found = _("Found by the rules: %(rules)s.") % {"rules": "; ".join(rule_text(rupture))}
    parts = [signs_text(rupture), found, _usual_level(rupture)]
    parts += [_("In the client's words: %(words)s") % {"words": text} for text in words]
    parts.append(_("Open the review for questions worth raising next session."))
    return " ".join(part for part in parts if part)


def _usual_level(rupture: Rupture) -> str:
    if rupture.baseline is None:
        return ""
    sd, usual = rupture.thresholds.get("sd_ref"), shown_decimal(rupture.baseline)
    if not sd:
        return _("Usual level: the mean of the earlier check-ins, %(usual)s.") % {"usual": usual}
    words = _(
        "Usual level: the mean of the earlier check-ins, %(usual)s; 1 SD counts as %(sd)s points."
    )
    return words % {"usual": usual, "sd": shown_decimal(sd, 2)}


RUPTURE_FIGURES = (
    "onset_session",
    "lowest_session",
    "last_session",
    "depth",
    "depth_sd",
    "baseline",
    "dimensions",
    "rule",
    "thresholds",
)


def rupture_alert(rupture: Rupture) -> Alert:
    """The one alert of a new episode, saved and audited."""
    figures = {name: getattr(rupture, name) for name in RUPTURE_FIGURES}
    figures["said"] = client_said(rupture)
    return Alert.objects.raise_(rupture.client, AlertKind.RUPTURE, figures=figures)


def rupture_words(figures: dict) -> Words:
    """What the rupture alert says: the episode as it was found, and the client's words."""
    rupture = Rupture(**{name: figures[name] for name in RUPTURE_FIGURES})
    said = _("Possible rupture. %(what)s.") % {"what": what_dropped(rupture)}
    return Words(said, explanation(rupture, said_words(figures["said"])))


def outcome_words(rupture: Rupture) -> str:
    """How the episode ended, in the active language."""
    line = rupture.thresholds.get("repair_line")
    if rupture.status == RuptureStatus.REPAIRED:
        return _repaired_text(rupture.repair_session, line)
    after = {"window": rupture.thresholds.get("window", "?"), "session": rupture.lowest_session}
    if line is None:
        words = _(
            "Not repaired: the alliance did not come back within %(window)s sessions after "
            "session %(session)s."
        )
        return words % after
    words = _(
        "Not repaired: the alliance did not come back above %(line)s within %(window)s sessions "
        "after session %(session)s."
    )
    return words % {**after, "line": shown_decimal(line)}


# how the episode ended, kept on its alert when it closes
outcome_text = in_the_clinics_language(outcome_words)


def alert_outcome(rupture: Rupture) -> str:
    """How the rupture's alert ended, in the reader's language while the words kept on it are
    still the rupture's outcome (the record may have moved on since); else the words kept."""
    alert = rupture.alert
    if alert is None or alert.closed_at is None:
        return ""
    if rupture.status != RuptureStatus.OPEN and outcome_text(rupture) == alert.outcome:
        return outcome_words(rupture)
    return alert.outcome


def _repaired_text(session: int, line: float | None) -> str:
    if line is None:
        return _("Repaired: at session %(session)s the alliance was back.") % {"session": session}
    words = _("Repaired: at session %(session)s the alliance was back above %(line)s.")
    return words % {"session": session, "line": shown_decimal(line)}
