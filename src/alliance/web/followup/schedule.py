"""Mark follow-up work in the answers' transaction; start it once that transaction is committed."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from . import worker
from .models import mark_follow_up
from .run import follow_up_client

__all__ = ["follow_up_soon", "mark_follow_up"]
INLINE, BACKGROUND = "inline", "background"


def follow_up_soon(client_id: int) -> None:
    """Hand the client's follow-up to the background worker once committed, or run it now."""
    if settings.FOLLOW_UP == INLINE:
        follow_up_client(client_id)
    else:
        transaction.on_commit(lambda: worker.submit(client_id))
