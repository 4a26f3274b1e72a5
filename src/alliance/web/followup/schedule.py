"""Mark follow-up work and queue its task, both inside the transaction that stores the answers."""

from __future__ import annotations

from .models import mark_follow_up
from .tasks import follow_up

__all__ = ["mark_follow_up", "queue_follow_up"]


def queue_follow_up(client_id: int) -> None:
    """Queue the client's follow-up; call inside the answers' transaction, so the task is
    committed with them (the database backend) and a crash loses neither."""
    follow_up.enqueue(client_id)
