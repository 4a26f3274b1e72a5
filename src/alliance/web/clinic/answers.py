"""Store answers: score them, keep raw answers and scores, raise alerts and audit, in a few
inserts however many instruments were answered."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from alliance.measures import Score, score_one

from .alert_rules import alerts_for, compares_with_previous
from .audit import event
from .models import Alert, AuditEvent, CheckinLink, Response, Session


def store_answers(
    session: Session,
    answers: Mapping[str, Mapping[str, object]],
    *,
    respondent: str,
    link: CheckinLink | None = None,
    entered_by=None,
    submitted_at=None,
    scores: Mapping[str, Score] | None = None,
    previous: Mapping[str, Response] | None = None,
    audit: list[AuditEvent] | None = None,
    language: str = "",
) -> list[Response]:
    """Store {instrument: {item: value}} for one session with its alerts; call in a transaction.

    `scores` reuses scores already computed (a checked form's); anything missing is scored here.
    `previous` is what `previous_responses` gave, read before the transaction to keep it short.
    With `audit`, the audit rows are added to that list for the caller to write in one insert.
    `language` is the language the questions were shown in (empty when not known).
    """
    scores = scores or {}
    fields = {
        "client": session.client,
        "session": session,
        "respondent": respondent,
        "link": link,
        "entered_by": entered_by,
        "submitted_at": submitted_at or timezone.now(),
        "language": language,
    }
    stored = Response.objects.bulk_create(
        _response(instrument_id, items, scores.get(instrument_id), fields)
        for instrument_id, items in answers.items()
    )
    if previous is None:
        previous = previous_responses(session, respondent, list(answers))
    rows = [event(entered_by, session.client, "response-stored", r) for r in stored]
    Alert.objects.raise_all(
        (
            alert
            for response in stored
            for alert in alerts_for(response, previous.get(response.instrument))
        ),
        actor=entered_by,
        audit=rows,
    )
    if audit is None:
        AuditEvent.objects.bulk_create(rows)
    else:
        audit.extend(rows)
    return stored


def _response(
    instrument_id: str, items: Mapping[str, object], score: Score | None, fields: dict
) -> Response:
    score = score or score_one(instrument_id, items)
    return Response(
        instrument=instrument_id,
        answers=dict(items),
        scores=score.scores,
        band=score.band or "",
        flags=list(score.flags),
        **fields,
    )


def previous_responses(
    session: Session, respondent: str, instruments: list[str]
) -> dict[str, Response]:
    """The latest earlier response of each instrument whose rules compare with it (only the
    client's alliance check-in does, so one query for a check-in and none for other forms)."""
    earlier = Response.objects.filter(
        client_id=session.client_id, respondent=respondent, session__number__lt=session.number
    )
    found = {}
    for instrument in instruments:
        if compares_with_previous(instrument, respondent):
            latest = (
                earlier.filter(instrument=instrument)
                .order_by("-session__number")
                .only("instrument", "scores")
                .first()
            )
            if latest is not None:
                found[instrument] = latest
    return found


@transaction.atomic
def store_therapist_answers(
    session: Session, answers, *, therapist, language: str = ""
) -> list[Response]:
    """The therapist's own post-session form, stored in one transaction."""
    return store_answers(
        session, answers, respondent="therapist", entered_by=therapist, language=language
    )
