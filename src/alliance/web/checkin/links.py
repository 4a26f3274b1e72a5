"""Create and redeem one-use check-in links; the database keeps only a hash of each token."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.utils import timezone

from alliance.measures import Score
from alliance.web.clinic.answers import previous_responses, store_answers
from alliance.web.clinic.audit import event, record
from alliance.web.clinic.models import (
    AuditEvent,
    CheckinLink,
    ClinicSettings,
    Respondent,
    Response,
    Session,
)
from alliance.web.followup.schedule import follow_up_soon, mark_follow_up

AlsoStore = Callable[[Session, list[AuditEvent]], None]


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
    return used or Response.objects.filter(
        session_id=link.session_id, respondent=Respondent.CLIENT,
        instrument__in=link.instruments).exists()


def _claim(link: CheckinLink) -> None:
    """Mark the link used in one conditional update: the row lock it takes and its condition
    (still unused, not expired) let exactly one of two racing submits through."""
    now = timezone.now()
    claimed = CheckinLink.objects.filter(pk=link.pk, used_at__isnull=True, expires_at__gt=now)
    if not claimed.update(used_at=now):
        raise LinkUnusable("expired" if now >= link.expires_at else "used")
    link.used_at = now


def use_up(link: CheckinLink, answers: Mapping[str, Mapping[str, object]], *,
           scores: Mapping[str, Score] | None = None, also: AlsoStore | None = None
           ) -> list[Response]:
    """Claim the link and store its answers, what `also` stores, the audit rows and the
    follow-up marker, all or nothing; the caller starts the follow-up after the commit."""
    previous = previous_responses(link.session, Respondent.CLIENT, list(answers))
    with claiming(link):
        _claim(link)
        audit: list[AuditEvent] = []
        stored = store_answers(link.session, answers, respondent=Respondent.CLIENT, link=link,
                               submitted_at=link.used_at, scores=scores, previous=previous,
                               audit=audit)
        if also is not None:
            also(link.session, audit)
        audit.append(event(None, link.session.client, "checkin-submitted", link))
        AuditEvent.objects.bulk_create(audit)
        mark_follow_up(link.session, source=Respondent.CLIENT)
    return stored


def redeem(token: str, answers: Mapping[str, Mapping[str, object]], *,
           scores: Mapping[str, Score] | None = None, also: AlsoStore | None = None
           ) -> list[Response]:
    """Store the client's answers and use up the link, all or nothing, at most once; the
    follow-up (rupture detection and the rest) starts after the commit."""
    link = find_link(token)
    stored = use_up(link, answers, scores=scores, also=also)
    follow_up_soon(link.session.client_id)
    return stored
