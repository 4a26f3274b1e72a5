"""The follow-up as a background task: queued with the answers, run by the worker."""

from __future__ import annotations

from alliance.web.clinic.background import TaskFailed, background_task

from .models import PendingFollowUp
from .run import follow_up_client


def _client(client_id: int, **kwargs) -> dict[str, int]:
    return {"client_id": client_id}


@background_task(about=_client)
def follow_up(client_id: int) -> str:
    """Run the client's follow-up; idempotent (nothing waiting: one query, nothing done)."""
    if not follow_up_client(client_id):
        raise TaskFailed(f"the follow-up failed ({_last_error(client_id)})")
    return "done"


def _last_error(client_id: int) -> str:
    errors = PendingFollowUp.objects.filter(client_id=client_id).exclude(last_error="")
    return errors.values_list("last_error", flat=True).first() or "see the log"
