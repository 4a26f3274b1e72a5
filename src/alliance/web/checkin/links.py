"""Create and redeem one-use check-in links; the database keeps only a hash of each token."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.audit import record
from alliance.web.clinic.models import CheckinLink, ClinicSettings, Response, Session


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
    """The usable link for this token, or LinkUnusable."""
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


def redeem(token: str, answers: dict[str, dict[str, object]], *,
           then: Callable[[Session], None] | None = None) -> list[Response]:
    """Store the client's answers and use up the link, all or nothing, at most once;
    `then(session)` runs in the same transaction (goal and task ratings, rupture follow-up)."""
    try:
        with transaction.atomic():
            link = (CheckinLink.objects.select_for_update()
                    .filter(token_hash=hash_token(token)).first())
            _check(link)
            now = timezone.now()
            if not CheckinLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now):
                raise LinkUnusable("used")
            stored = store_answers(link.session, answers, respondent="client", link=link,
                                   submitted_at=now)
            if then is not None:
                then(link.session)
            record(None, link.session.client, "checkin-submitted", link)
            return stored
    except IntegrityError:
        raise LinkUnusable("used") from None
