"""The alert rules: each reads one scored response (and the one before it) and may raise an alert.

Thresholds come from the instrument files (flags, cutoff, reliable change), never from this module.
"""

from __future__ import annotations

from alliance.measures import get_instrument

from .models import Alert, AlertKind, Response

URGENT_NEXT_STEP = "Contact the client today and follow the clinic's risk procedure."


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


def _alert(response: Response, kind: str, message: str, explanation: str) -> Alert:
    return Alert.of_kind(
        response.client,
        kind,
        message,
        explanation,
        response=response,
        created_at=response.submitted_at,
    )


def _flag_alerts(response: Response) -> list[Alert]:
    instrument = get_instrument(response.instrument)
    found = []
    for flag in instrument.flags:
        if flag.id not in response.flags:
            continue
        if flag.urgent:
            found.append(
                _alert(
                    response,
                    flag.id,
                    flag.label,
                    f"{instrument.title}, item {flag.item}. {URGENT_NEXT_STEP}",
                )
            )
        elif response.respondent == "client":
            found.append(
                _alert(
                    response,
                    flag.id,
                    flag.label,
                    "Ask about it at the start of the next session.",
                )
            )
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
        found.append(
            _alert(
                response,
                AlertKind.ALLIANCE_DROP,
                f"The alliance fell from {before:g} to {total:g} since the last check-in.",
                f"A drop of {change.value:g} or more is larger than measurement noise"
                f"{' (provisional threshold)' if change.provisional else ''}. "
                "Check goals, tasks and bond.",
            )
        )
    cutoff = instrument.cutoff
    if cutoff is not None and cutoff.direction == "below" and total < cutoff.value:
        found.append(
            _alert(
                response,
                AlertKind.ALLIANCE_REVIEW,
                f"The alliance is {total:g}, below {cutoff.value:g} of 10.",
                "Most clients rate the alliance near the top, so a score below this line is "
                "worth a conversation about what could work better.",
            )
        )
    return found
