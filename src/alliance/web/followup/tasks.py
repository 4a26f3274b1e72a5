"""The follow-up as a background task: queued with the answers, run by the worker."""

from __future__ import annotations

from alliance.web.clinic.background import TaskFailed, background_task

from .models import PendingFollowUp
from .queued import finish, waiting_tasks
from .run import follow_up_waiting, others_waiting


def _client(client_id: int, **kwargs) -> dict[str, int]:
    return {"client_id": client_id}


@background_task(about=_client)
def follow_up(client_id: int) -> str:
    """Run the client's follow-up with the other clients' waiting work, then mark done the
    queued follow-ups it made needless; idempotent (nothing waiting: nothing done)."""
    clients = [client_id, *others_waiting(client_id)]
    queued = waiting_tasks(follow_up, clients)  # read before the work they announce
    outcome = follow_up_waiting(clients)
    finish(queued, outcome.done)
    if not outcome.ok:
        raise TaskFailed(f"the follow-up failed ({_last_error(client_id)})")
    return "done"


def _last_error(client_id: int) -> str:
    errors = PendingFollowUp.objects.filter(client_id=client_id).exclude(last_error="")
    return errors.values_list("last_error", flat=True).first() or "see the log"
