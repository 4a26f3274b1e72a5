"""The follow-up tasks still waiting in the queue, and finishing those a follow-up made needless.

A follow-up takes every waiting client with it (see `run.follow_up_waiting`), so the tasks the
check-ins of those clients queued find nothing left to do. Each would still cost the worker a
claim, a run and a result of its own; instead the follow-up that did their work marks them done.

Only tasks read before the follow-up read its clients' waiting work are finished: a task commits
in the same transaction as the work it announces, so that work was there to be done. A task
queued later stays, and runs."""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

DONE_ELSEWHERE = "done by the follow-up of another check-in"


def waiting_tasks(task, client_ids: list[int]) -> dict[int, list[str]]:
    """{client id: ids of the task's results ready to run for that client}; empty unless the
    task is queued in the database."""
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return {}
    wanted = set(client_ids)
    ready = DBTaskResult.objects.ready().filter(
        task_path=task.module_path, backend_name=backend.alias
    )
    found: dict[int, list[str]] = defaultdict(list)
    for pk, arguments in ready.values_list("pk", "args_kwargs"):
        client_id = _client_of(arguments)
        if client_id in wanted:
            found[client_id].append(pk)
    return dict(found)


def finish(waiting: dict[int, list[str]], done: set[int]) -> int:
    """Mark done the waiting tasks of the clients whose follow-up is done; how many. A task a
    worker claimed meanwhile is left to that worker."""
    ids = [pk for client_id in done for pk in waiting.get(client_id, [])]
    if not ids:
        return 0
    now = timezone.now()
    return DBTaskResult.objects.filter(pk__in=ids, status=TaskResultStatus.READY).update(
        status=TaskResultStatus.SUCCESSFUL,
        started_at=now,
        finished_at=now,
        return_value=DONE_ELSEWHERE,
        exception_class_path="",
        traceback="",
    )


def _client_of(arguments: dict) -> int | None:
    args = arguments.get("args") or [arguments.get("kwargs", {}).get("client_id")]
    return args[0] if isinstance(args[0], int) else None
