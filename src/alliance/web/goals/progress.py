"""What a client may see of their own progress on the thank-you page, in plain words: each
goal's progress ratings and their outcome scores over time. Never the alliance ratings: only
the goal-progress answers and the clinic's outcome measure are read."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext

from alliance.measures import Instrument, get_instrument, score_one
from alliance.web.clinic.models import (
    CheckinSubmission,
    Client,
    ClinicSettings,
    GoalStatus,
    Respondent,
    Response,
)

GOAL_PROGRESS = "goal-progress"
SHOWN_GOALS = (GoalStatus.ACTIVE, GoalStatus.ACHIEVED)


def shows_progress(client: Client, settings: ClinicSettings) -> bool:
    """The therapist's choice for the client, else the clinic's setting."""
    if client.sees_own_progress is None:
        return settings.clients_see_their_progress
    return client.sees_own_progress


@dataclass(frozen=True)
class ProgressLine:
    sentence: str  # the line as the client reads it


def own_progress(submission: CheckinSubmission) -> list[ProgressLine] | None:
    """The client's progress up to this check-in, or None when it is not shown to them.

    This check-in's own answers are read from the kept submission, which the follow-up may not
    have stored as responses yet."""
    client = submission.session.client
    settings = ClinicSettings.for_clinic(client.clinic_id)
    if not shows_progress(client, settings):
        return None
    outcome = get_instrument(settings.outcome_instrument)
    by_session = _answers_by_session(submission, outcome)
    lines = _goal_lines(client, by_session)
    outcome_line = _outcome_line(outcome, by_session)
    return lines + ([outcome_line] if outcome_line else [])


Row = tuple[int, str, dict, dict]  # session number, instrument, answers, scores


def _answers_by_session(submission: CheckinSubmission, outcome: Instrument) -> list[Row]:
    """Goal progress and outcome, answers and scores, in session order."""
    wanted = (GOAL_PROGRESS, outcome.id)
    stored = (
        Response.objects.filter(
            client_id=submission.client_id, respondent=Respondent.CLIENT, instrument__in=wanted
        )
        .exclude(session_id=submission.session_id)
        .values_list("session__number", "instrument", "answers", "scores")
    )
    number = submission.session.number
    current = [
        (number, i, dict(a), score_one(i, a).scores if i == outcome.id else {})
        for i, a in submission.answers.items()
        if i in wanted
    ]
    return sorted([*stored, *current], key=lambda row: row[0])


def _goal_lines(client: Client, by_session: list[Row]) -> list[ProgressLine]:
    lines = []
    for goal in client.goals.filter(status__in=SHOWN_GOALS):
        ratings = [
            str(answers[str(goal.pk)])
            for _, instrument, answers, _ in by_session
            if instrument == GOAL_PROGRESS and str(goal.pk) in answers
        ]
        if ratings:
            said = ", ".join(ratings)
            line = gettext('Your progress on "%(goal)s": %(ratings)s of 10.')
            lines.append(ProgressLine(line % {"goal": goal.text, "ratings": said}))
    return lines


def _outcome_line(outcome: Instrument, by_session: list[Row]) -> ProgressLine | None:
    scale = outcome.scale(outcome.band_scale or outcome.scales[0].id)
    totals = [
        _number(scores[scale.id])
        for _, instrument, _, scores in by_session
        if instrument == outcome.id and scores.get(scale.id) is not None
    ]
    if not totals:
        return None
    low, high = _range(outcome, scale)
    if outcome.higher_is_better:
        line = gettext("How you have been (%(name)s, from %(low)s to %(high)s, higher is better)")
    else:
        line = gettext("How you have been (%(name)s, from %(low)s to %(high)s, lower is better)")
    said = line % {"name": outcome.id.upper(), "low": _number(low), "high": _number(high)}
    # a decimal comma (7,5 in Spanish) would run into the list's own commas
    between = "; " if any("," in total for total in totals) else ", "
    return ProgressLine(f"{said}: {between.join(totals)}.")


def _number(value: float) -> str:
    """A score as the client's language writes it (7.5 in English, 7,5 in Spanish)."""
    return number_format(value, decimal_pos=None if value != int(value) else 0)


def _range(outcome: Instrument, scale) -> tuple[float, float]:
    items = [outcome.item(item_id) for item_id in scale.items]
    if scale.method == "sum":
        return sum(item.low for item in items), sum(item.high for item in items)
    return min(item.low for item in items), max(item.high for item in items)
