"""The alert rules: each reads one scored response (and the one before it) and may raise an alert.

Thresholds come from the instrument files (flags, cutoff, reliable change), never from this module.
"""

from __future__ import annotations

from alliance.measures import get_instrument

from .models import Alert, AlertKind, Response


def alerts_for(response: Response, previous: Response | None) -> list[Alert]:
    """The alerts this response raises (unsaved, for `Alert.objects.raise_all`); `previous` is
    the same instrument's last one. A flag's id is its alert kind."""
    found = _flag_alerts(response)
    if compares_with_previous(response.instrument, response.respondent):
        found += _alliance_alerts(response, previous)
    return found


def compares_with_previous(instrument_id: str, respondent: str) -> bool:
    """Whether the rules for this instrument and respondent need the previous response."""
    return respondent == "client" and get_instrument(instrument_id).kind == "alliance"


def _alert(response: Response, kind: str, figures: dict) -> Alert:
    return Alert.of_kind(
        response.client,
        kind,
        figures=figures,
        response=response,
        created_at=response.submitted_at,
    )


def _flag_alerts(response: Response) -> list[Alert]:
    instrument = get_instrument(response.instrument)
    found = []
    for flag in instrument.flags:
        if flag.id not in response.flags:
            continue
        if flag.urgent or response.respondent == "client":
            figures = {"instrument": instrument.id, "flag": flag.id, "item": flag.item}
            found.append(_alert(response, flag.id, figures))
    return found


def _alliance_alerts(response: Response, previous: Response | None) -> list[Alert]:
    instrument = get_instrument(response.instrument)
    total = response.scores.get("total")
    if total is None:
        return []
    found = []
    before = previous.scores.get("total") if previous is not None else None
    change = instrument.reliable_change
    if before is not None and change is not None and before - total >= change.value:
        figures = {
            "before": before,
            "total": total,
            "change": change.value,
            "provisional": change.provisional,
        }
        found.append(_alert(response, AlertKind.ALLIANCE_DROP, figures))
    cutoff = instrument.cutoff
    if cutoff is not None and cutoff.direction == "below" and total < cutoff.value:
        figures = {"total": total, "cutoff": cutoff.value}
        found.append(_alert(response, AlertKind.ALLIANCE_REVIEW, figures))
    return found
