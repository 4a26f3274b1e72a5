"""Create and redeem one-use check-in links; the database keeps only a hash of each token."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.utils import timezone

from alliance.measures import Score
from alliance.web.clinic.audit import record
from alliance.web.clinic.models import (
    CheckinLink,
    CheckinSubmission,
    ClinicSettings,
    Respondent,
    Session,
)
from alliance.web.followup.schedule import follow_up_soon, mark_follow_up

from .submissions import raises_urgent_alert, store_submission


class LinkUnusable(Exception):
    """The link is unknown, used or expired; `reason` says which, for a kind message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_link(session: Session, *, by) -> tuple[CheckinLink, str]:
    """A new link for this session; the token is returned once and never stored."""
    settings = ClinicSettings.for_clinic(session.client.clinic_id)
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    link = CheckinLink.objects.create(
        session=session, token_hash=hash_token(token), created_by=by, created_at=now,
        instruments=settings.instruments_for(session.number, "client"),
        expires_at=now + dt.timedelta(hours=settings.link_lifetime_hours),
    )
    record(by, session.client, "checkin-link-created", link)
    return link, token


def find_link(token: str) -> CheckinLink:
    """The usable link for this token, with its session and client, or LinkUnusable."""
    link = (CheckinLink.objects.select_related("session__client")
            .filter(token_hash=hash_token(token)).first())
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
    """The transaction that uses up a link. Losing a race for it (the link, or its session's
    answers, stored by someone else meanwhile) says "used"; any other integrity error is raised."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        if _answered(link):
            raise LinkUnusable("used") from None
        raise


def _answered(link: CheckinLink) -> bool:
    used = CheckinLink.objects.filter(pk=link.pk, used_at__isnull=False).exists()
    return used or CheckinSubmission.objects.filter(session_id=link.session_id).exists()


def _claim(link: CheckinLink) -> None:
    """Mark the link used in one conditional update: the row lock it takes and its condition
    (still unused, not expired) let exactly one of two racing submits through."""
    now = timezone.now()
    claimed = CheckinLink.objects.filter(pk=link.pk, used_at__isnull=True, expires_at__gt=now)
    if not claimed.update(used_at=now):
        raise LinkUnusable("expired" if now >= link.expires_at else "used")
    link.used_at = now


def use_up(link: CheckinLink, answers: Mapping[str, Mapping[str, object]], *,
           scores: Mapping[str, Score] | None = None,
           ratings: Mapping[str, object] | None = None) -> CheckinSubmission:
    """Claim the link and keep the checked answers with the follow-up marker, all or nothing.

    The follow-up stores them as responses, ratings and alerts; answers that raise an urgent flag
    are stored in full here, so their alert exists the moment the client is thanked. The caller
    starts the follow-up after the commit.
    """
    scores = dict(scores or {})
    with claiming(link):
        _claim(link)
        submission = CheckinSubmission.objects.create(
            link=link, client_id=link.session.client_id, session=link.session,
            answers={k: dict(v) for k, v in answers.items()}, ratings=dict(ratings or {}),
            submitted_at=link.used_at)
        mark_follow_up(link.session, source=Respondent.CLIENT)
        if raises_urgent_alert(answers, scores):
            store_submission(submission, scores=scores)
    return submission


def redeem(token: str, answers: Mapping[str, Mapping[str, object]], *,
           scores: Mapping[str, Score] | None = None,
           ratings: Mapping[str, object] | None = None) -> CheckinSubmission:
    """Keep the client's answers and use up the link, all or nothing, at most once; the
    follow-up (storing them as responses, rupture detection and the rest) starts after the
    commit."""
    link = find_link(token)
    submission = use_up(link, answers, scores=scores, ratings=ratings)
    follow_up_soon(link.session.client_id)
    return submission
