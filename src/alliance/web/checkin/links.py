"""Create, find and use up one-use check-in links; the database keeps only a hash of each token."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django_tasks_db import DatabaseBackend

from alliance.measures import Score
from alliance.web.clinic.audit import record
from alliance.web.clinic.models import (
    CheckinLink,
    CheckinSubmission,
    ClinicSettings,
    Session,
)
from alliance.web.followup.schedule import queue_follow_up
from alliance.web.followup.tasks import follow_up

from .opening import read_link
from .prepared import pipelined
from .submissions import raises_urgent_alert, store_submission


class LinkUnusable(Exception):
    """The link is unknown, used or expired; `reason` says which, for a kind message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_link(session: Session, *, by, token: str | None = None) -> tuple[CheckinLink, str]:
    """A new link for this session; the token is returned once and never stored (a caller that
    sends the link may pass a token it can derive again, never one kept in the database)."""
    settings = ClinicSettings.for_clinic(session.client.clinic_id)
    token = token or secrets.token_urlsafe(32)
    now = timezone.now()
    link = CheckinLink.objects.create(
        session=session,
        token_hash=hash_token(token),
        created_by=by,
        created_at=now,
        instruments=settings.instruments_for(session.number, "client"),
        expires_at=now + dt.timedelta(hours=settings.link_lifetime_hours),
    )
    record(by, session.client, "checkin-link-created", link)
    return link, token


def find_link(token: str) -> CheckinLink:
    """The usable link for this token, read with everything its page needs
    (alliance.web.checkin.opening), or LinkUnusable ("used" as soon as its answers are kept,
    even before the follow-up has stored them)."""
    link = find_link_to_submit(token)
    if link.submitted:
        raise LinkUnusable("used")
    return link


def find_link_to_submit(token: str) -> CheckinLink:
    """find_link without refusing kept answers: the submit's one insert finds them, as the
    unique link it needs. The link carries its session's `client_id`, the client's `language`
    and the rest of alliance.web.checkin.opening's columns."""
    link = read_link(hash_token(token))
    _check(link)
    return link


def _check(link: CheckinLink | None) -> None:
    if link is None:
        raise LinkUnusable("unknown")
    if link.used_at is not None:
        raise LinkUnusable("used")
    if timezone.now() >= link.expires_at:
        raise LinkUnusable("expired")


@contextmanager
def claiming(link: CheckinLink) -> Iterator[None]:
    """Losing the race for a link (it, or its session, answered by someone else meanwhile) says
    "used"; any other integrity error is raised."""
    try:
        yield
    except IntegrityError:
        if _answered(link):
            raise LinkUnusable("used") from None
        raise


def _answered(link: CheckinLink) -> bool:
    used = CheckinLink.objects.filter(pk=link.pk, used_at__isnull=False).exists()
    return used or CheckinSubmission.objects.filter(session_id=link.session_id).exists()


def use_up(
    link: CheckinLink,
    answers: Mapping[str, Mapping[str, object]],
    *,
    scores: Mapping[str, Score] | None = None,
    ratings: Mapping[str, object] | None = None,
) -> CheckinSubmission:
    """Keep the checked answers, at most once per link and per session, and queue their
    follow-up in the same transaction (which stores them as responses, ratings and alerts and
    marks the link used). Answers that raise an urgent flag are stored in full in that
    transaction too, so their alert exists the moment the client is thanked. Inside a caller's
    transaction this is a savepoint, so losing the race leaves that transaction usable.
    """
    scores = dict(scores or {})
    submission = CheckinSubmission(
        link=link,
        client_id=link.client_id,
        session_id=link.session_id,
        answers={k: dict(v) for k, v in answers.items()},
        ratings=dict(ratings or {}),
        submitted_at=timezone.now(),
        language=translation.get_language() or "",
    )
    urgent = raises_urgent_alert(answers, scores)
    with claiming(link), transaction.atomic():
        if urgent:
            submission.save(force_insert=True)
            store_submission(submission, scores=scores)
            queue_follow_up(link.client_id)
        else:
            _keep(submission)
    return submission


def _keep(submission: CheckinSubmission) -> None:
    """Insert the submission and queue its follow-up; call inside the transaction. Queued in the
    database, the follow-up is one insert whose answer nothing waits for, so it is sent in a
    pipeline behind the submission's (which waits for its id) and answered with the leaving."""
    if not isinstance(follow_up.get_backend(), DatabaseBackend):  # a backend that may run it now
        submission.save(force_insert=True)
        queue_follow_up(submission.client_id)
        return
    with pipelined():
        submission.save(force_insert=True)
        queue_follow_up(submission.client_id)
