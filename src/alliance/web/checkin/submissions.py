"""Turn a kept check-in submission into responses, goal and task ratings, alerts and audit rows."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet
from django.utils import timezone

from alliance.measures import Score, get_instrument, score_one
from alliance.web.clinic.answers import previous_responses, store_answers
from alliance.web.clinic.audit import event
from alliance.web.clinic.models import AuditEvent, CheckinLink, CheckinSubmission, Respondent
from alliance.web.followup.models import mark_follow_up
from alliance.web.goals.checkin import store_ratings


def raises_urgent_alert(
    answers: Mapping[str, Mapping[str, object]], scores: dict[str, Score]
) -> bool:
    """Whether any answer sets an urgent flag (scores missing from `scores` are added to it)."""
    for instrument_id, items in answers.items():
        if instrument_id not in scores:
            scores[instrument_id] = score_one(instrument_id, items)
        urgent = {flag.id for flag in get_instrument(instrument_id).flags if flag.urgent}
        if urgent.intersection(scores[instrument_id].flags):
            return True
    return False


def store_submission(
    submission: CheckinSubmission, *, scores: Mapping[str, Score] | None = None
) -> None:
    """Store one submission's answers as the client's responses, mark its link used and leave
    the marker of its analysis; call inside a transaction."""
    session = submission.session
    audit: list[AuditEvent] = []
    store_answers(
        session,
        submission.answers,
        respondent=Respondent.CLIENT,
        link=submission.link,
        submitted_at=submission.submitted_at,
        scores=scores,
        previous=previous_responses(session, Respondent.CLIENT, list(submission.answers)),
        audit=audit,
        language=submission.language,
    )
    store_ratings(session, submission.ratings, audit)
    audit.append(event(None, session.client, "checkin-submitted", submission.link))
    AuditEvent.objects.bulk_create(audit)
    CheckinLink.objects.filter(pk=submission.link_id, used_at__isnull=True).update(
        used_at=submission.submitted_at
    )
    mark_follow_up(session, source=Respondent.CLIENT)
    submission.stored_at = timezone.now()
    submission.save(update_fields=["stored_at"])


def unstored(submissions: QuerySet[CheckinSubmission]) -> QuerySet[CheckinSubmission]:
    """The submissions the follow-up has not stored yet."""
    return submissions.filter(stored_at__isnull=True)


def store_waiting_submissions(client_id: int) -> None:
    """Store every kept submission of the client not stored yet, oldest session first; call in
    a transaction that holds the client's row lock."""
    waiting = (
        unstored(CheckinSubmission.objects.filter(client_id=client_id))
        .select_related("session__client", "link")
        .order_by("session__number")
    )
    for submission in waiting:
        store_submission(submission)
