"""Background work: tasks of Django's tasks API, retried with backoff when they raise.

Define a task with `background_task` and queue it with `.enqueue(...)` inside the transaction that
stores what it works on: with the database backend the task's row commits (or rolls back) with
that work, so a crash can neither lose the task nor run it on data that never committed. A task
must be idempotent: it may run again after a failure, and after a worker was killed mid-task.

A task that gave up (its last try raised) sends `gave_up`, so the app can show the failure to the
clinic's staff; `about` tells which client or clinic the task worked for.

Only the public tasks API is used (`task`, `Task.using`, `.enqueue`, the backend's
`supports_defer`), so moving to Django 6 is the one import below: `from django.tasks import task`.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from typing import Any

from django.dispatch import Signal
from django.utils import timezone
from django_tasks import task

ATTEMPTS = 5  # tries in all, the first included
FIRST_DELAY = dt.timedelta(seconds=30)  # before the second try; doubled before each next one
ATTEMPT_KWARG = "_attempt"  # the try number, carried in the queued task's keyword arguments
log = logging.getLogger(__name__)
# sent with task (its name), about ({"client_id": ...} or {"clinic_id": ...}, may be empty) and
# error (the exception of the last try)
gave_up = Signal()
About = Callable[..., dict[str, int]]


class TaskFailed(Exception):
    """A task reported failure without an exception of its own; raise it to be retried."""


def retry_delay(attempt: int, first: dt.timedelta = FIRST_DELAY) -> dt.timedelta:
    """How long to wait after try number `attempt` failed: first, 2 x first, 4 x first, ..."""
    return first * 2 ** (attempt - 1)


def background_task(
    *,
    attempts: int = ATTEMPTS,
    first_delay: dt.timedelta = FIRST_DELAY,
    about: About | None = None,
    **options: Any,
) -> Callable[[Callable[..., Any]], Any]:
    """Like the tasks API's `task(**options)`, and a try that raises queues the next one after
    `retry_delay`, up to `attempts` tries; each failed try is logged and its result keeps the
    error, the last with "gave up" in the log and `gave_up` sent. `about(*args, **kwargs)` says
    whom the task worked for: {"client_id": id} or {"clinic_id": id}."""

    def decorate(function: Callable[..., Any]):
        @functools.wraps(function)
        def attempt(*args: Any, **kwargs: Any) -> Any:
            number = kwargs.pop(ATTEMPT_KWARG, 1)
            try:
                return function(*args, **kwargs)
            except Exception as error:
                if number >= attempts:
                    _give_up(defined, number, about, args, kwargs, error)
                else:
                    _retry(defined, number, attempts, first_delay, args, kwargs)
                raise

        defined = task(**options)(attempt)
        return defined

    return decorate


def _give_up(defined, number: int, about: About | None, args, kwargs, error: Exception) -> None:
    log.exception("task %s gave up after %d tries", defined.name, number)
    try:
        whom = about(*args, **kwargs) if about else {}
        gave_up.send(sender=background_task, task=defined.name, about=whom, error=error)
    except Exception:  # telling the staff must never hide the task's own error
        log.exception("could not record that task %s gave up", defined.name)


def _retry(defined, number, attempts, first_delay, args, kwargs) -> None:
    delay = retry_delay(number, first_delay)
    name = defined.name
    log.warning("task %s failed (try %d of %d); next try in %s", name, number, attempts, delay)
    _queue_retry(defined, delay, args, {**kwargs, ATTEMPT_KWARG: number + 1})


def _queue_retry(defined, delay: dt.timedelta, args, kwargs) -> None:
    """Queue the next try; a backend that cannot defer (the immediate one of the tests) runs it
    now."""
    if defined.get_backend().supports_defer:
        defined = defined.using(run_after=timezone.now() + delay)
    defined.enqueue(*args, **kwargs)
