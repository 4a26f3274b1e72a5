"""Store answers: score them, keep raw answers and scores, raise alerts and audit, in one go."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from alliance.measures import score_one
from alliance.web.alerts.rules import alerts_for

from .audit import record
from .models import Alert, CheckinLink, Response, Session


def store_answers(session: Session, answers: Mapping[str, Mapping[str, object]], *,
                  respondent: str, link: CheckinLink | None = None, entered_by=None,
                  submitted_at=None) -> list[Response]:
    """Score and store {instrument: {item: value}} for one session; call inside a transaction."""
    submitted_at = submitted_at or timezone.now()
    stored = []
    for instrument_id, items in answers.items():
        response = _response(session, instrument_id, items, respondent, link, entered_by,
                             submitted_at)
        raised = alerts_for(response, _previous(response))
        Alert.objects.bulk_create(raised)
        record(entered_by, session.client, "response-stored", response)
        for alert in raised:
            record(entered_by, session.client, "alert-raised", alert)
        stored.append(response)
    return stored


def _response(session, instrument_id, items, respondent, link, entered_by, submitted_at):
    score = score_one(instrument_id, items)
    return Response.objects.create(
        client_id=session.client_id, session=session, instrument=instrument_id,
        respondent=respondent, answers=dict(items), scores=score.scores, band=score.band or "",
        flags=list(score.flags), link=link, entered_by=entered_by, submitted_at=submitted_at,
    )


def _previous(response: Response) -> Response | None:
    earlier = Response.objects.filter(
        client_id=response.client_id, instrument=response.instrument,
        respondent=response.respondent, session__number__lt=response.session.number,
    )
    return earlier.order_by("-session__number").first()


@transaction.atomic
def store_therapist_answers(session: Session, answers, *, therapist) -> list[Response]:
    """The therapist's own post-session form, stored in one transaction."""
    return store_answers(session, answers, respondent="therapist", entered_by=therapist)
