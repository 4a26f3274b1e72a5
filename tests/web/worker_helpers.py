"""Run the real worker (the tasks backend's `db_worker`, as `alliance worker` runs it) in the
test's own process, until the queue holds nothing ready."""

from __future__ import annotations

import signal

from django.core.management import call_command

from alliance.cli.worker import db_worker_args

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def run_worker() -> None:
    """Run every task that is ready, through db_worker in batch mode; the signal handlers it
    installs for a graceful stop are put back afterwards."""
    handlers = {number: signal.getsignal(number) for number in SIGNALS}
    try:
        call_command("db_worker", *db_worker_args(interval=0.1, batch=True), verbosity=0)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def queued_tasks_by_status() -> dict[str, int]:
    """How many task results the database holds in each status."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    found = DBTaskResult.objects.values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in found}
