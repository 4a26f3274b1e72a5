"""Say in plain words what the detector found: what dropped, by how much, against what baseline,
which signs raised the alert and which rules fired, and what the client wrote; and how the episode
ended."""

from __future__ import annotations

from alliance.web.clinic.models import Alert, AlertKind, Rupture, RuptureStatus

from .words import client_words

DIMENSION_NAMES = {"goal": "goals", "task": "tasks", "bond": "the bond"}

RULE_TEXT = {
    "v-episode": "the alliance was at least {k:g} SD below the client's usual level",
    "dimension-drop": "one of goals, tasks or bond fell at least {k:g} SD while the others held",
    "client-reported": "the client said that something felt off",
    "sudden-loss": "the alliance fell suddenly from one session to the next",
    "below-flag": "the alliance was under the check-in's line",
    "therapist-gap": "you rated the session at least {gap:g} points higher than the client",
    "converging-signs": "the scores alone pointed to a rupture: evidence of at least {k:g} SD",
}
SIGN_LINE = 1.0  # a sign is worth naming from 1 SD on


def rule_text(rupture: Rupture) -> list[str]:
    """One plain sentence per rule that fired, with its threshold."""
    found = []
    for name in rupture.rule.split("+"):
        settings = rupture.thresholds.get(name, {})
        template = RULE_TEXT.get(name, name)
        try:
            found.append(template.format(**settings))
        except (KeyError, TypeError, ValueError):
            found.append(template.split(" at least")[0].split(":")[0])
    return found


def raised_by(rupture: Rupture) -> list[str]:
    """The signs that raised the alert, each with what was seen: the client's report, the
    alliance's fall, one dimension falling beyond the others, the therapist's rating, a sudden
    loss; for any other rule, what the rule saw."""
    signs = rupture.thresholds.get("signs") or {}
    rules = rupture.rule.split("+")
    found = ["the client said that something felt off"] if "client-reported" in rules else []
    found += [part for part in (_drop_part(rupture, signs),) if part]
    found += [part for part in (_dimension_part(signs), _therapist_part(signs)) if part]
    if "sudden-loss" in rules:
        found.append(RULE_TEXT["sudden-loss"])
    named = {"client-reported", "sudden-loss", "v-episode", "converging-signs"}
    shown = [
        text for name, text in zip(rules, rule_text(rupture), strict=True) if name not in named
    ]
    return found + [text for text in shown if text not in found]


def signs_text(rupture: Rupture) -> str:
    """Which signs raised the alert, at which session, and how strong they were together."""
    signs = rupture.thresholds.get("signs") or {}
    session = signs.get("session") or rupture.onset_session
    text = f"Signs that raised it at session {session}: {'; '.join(raised_by(rupture))}."
    combined = signs.get("combined_sd")
    if combined is not None and (_dimension_part(signs) or _therapist_part(signs)):
        text += f" Together with the alliance's own fall they came to {combined:.1f} SD."
    return text


def _drop_part(rupture: Rupture, signs: dict) -> str:
    drop = signs.get("drop_sd") if signs else rupture.depth_sd
    if drop is None or drop <= 0:
        return ""
    return f"the alliance was {drop:.1f} SD below the client's usual level"


def _dimension_part(signs: dict) -> str:
    name, points = signs.get("dimension"), signs.get("dimension_points")
    strong = (signs.get("dimension_sd") or 0) >= SIGN_LINE
    if name not in DIMENSION_NAMES or points is None or not strong:
        return ""
    others = " and ".join(DIMENSION_NAMES[d] for d in DIMENSION_NAMES if d != name)
    return f"{DIMENSION_NAMES[name]} fell {points:.1f} points further below {others} than usual"


def _therapist_part(signs: dict) -> str:
    points = signs.get("therapist_points")
    if points is None or (signs.get("therapist_sd") or 0) < SIGN_LINE:
        return ""
    return f"you rated the session {points:.1f} points further above the client than usual"


def what_dropped(rupture: Rupture) -> str:
    if rupture.depth is None or rupture.baseline is None or rupture.depth <= 0:
        return f"At session {rupture.onset_session} the client said something felt off"
    return (
        f"At session {rupture.lowest_session} the alliance was {rupture.depth:.1f} points "
        f"below the client's usual {rupture.baseline:.1f} of 10{where_it_fell(rupture)}"
    )


def where_it_fell(rupture: Rupture) -> str:
    names = [DIMENSION_NAMES.get(d, d) for d in rupture.dimensions]
    if not names:
        return ""
    if len(names) == len(DIMENSION_NAMES):
        return ", in goals, tasks and bond alike"
    return f", mostly in {' and '.join(names)}"


def explanation(rupture: Rupture, words: list[str]) -> str:
    sd = rupture.thresholds.get("sd_ref")
    parts = [signs_text(rupture), f"Found by the rules: {'; '.join(rule_text(rupture))}."]
    if rupture.baseline is not None:
        parts.append(
            f"Usual level: the mean of the earlier check-ins, {rupture.baseline:.1f}"
            + (f"; 1 SD counts as {sd:.2f} points." if sd else ".")
        )
    parts += [f"In the client's words: {text}" for text in words]
    parts.append("Open the review for questions worth raising next session.")
    return " ".join(part for part in parts if part)


def rupture_alert(rupture: Rupture) -> Alert:
    """The one alert of a new episode, saved and audited."""
    return Alert.objects.raise_(
        rupture.client,
        AlertKind.RUPTURE,
        f"Possible rupture. {what_dropped(rupture)}.",
        explanation(rupture, client_words(rupture)),
    )


def outcome_text(rupture: Rupture) -> str:
    """How the episode ended, kept on its alert when it closes."""
    line = rupture.thresholds.get("repair_line")
    above = f" back above {line:.1f}" if line is not None else " back"
    if rupture.status == RuptureStatus.REPAIRED:
        return f"Repaired: at session {rupture.repair_session} the alliance was{above}."
    window = rupture.thresholds.get("window", "the")
    return (
        f"Not repaired: the alliance did not come{above} within {window} sessions "
        f"after session {rupture.lowest_session}."
    )
