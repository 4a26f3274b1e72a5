"""The follow-up as a background task: queued with the answers, run by the worker."""

from __future__ import annotations

from alliance.web.clinic.background import TaskFailed, background_task

from .run import follow_up_client


@background_task()
def follow_up(client_id: int) -> str:
    """Run the client's follow-up; idempotent (nothing waiting: one query, nothing done)."""
    if not follow_up_client(client_id):
        raise TaskFailed(f"the follow-up of client {client_id} failed; see the log")
    return "done"
