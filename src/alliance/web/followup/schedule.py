"""Mark follow-up work in the answers' transaction; start it once that transaction is committed."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from alliance.web.clinic.models import Session

from . import worker
from .models import PendingFollowUp
from .run import follow_up_client

INLINE, BACKGROUND = "inline", "background"


def mark_follow_up(session: Session, *, source: str) -> None:
    """Record that this session's answers need their follow-up; call inside the transaction."""
    PendingFollowUp.objects.create(client_id=session.client_id, session=session, source=source)


def follow_up_soon(client_id: int) -> None:
    """Hand the client's follow-up to the background worker once committed, or run it now."""
    if settings.FOLLOW_UP == INLINE:
        follow_up_client(client_id)
    else:
        transaction.on_commit(lambda: worker.submit(client_id))
