"""`alliance worker`: run the background tasks (the follow-up of check-ins and the rest)."""

from __future__ import annotations

import click

from ._django import DATA_DIR_OPTION, configure_django


def db_worker_args(*, interval: float, batch: bool) -> list[str]:
    """The arguments of the tasks backend's `db_worker` command for this worker."""
    found = ["--queue-name", "*", "--interval", f"{interval:g}", "--no-reload"]
    return [*found, "--batch", "--no-startup-delay"] if batch else found


SYNC_UID = "alliance-worker-sqlite-sync"


def commit_without_waiting_for_the_disk() -> None:
    """On SQLite, the worker's own commits stop waiting for the disk (WAL with synchronous
    NORMAL), so it holds the one write lock for less time and the check-in submits, which keep
    waiting for the disk, get it sooner. A crash of the process loses nothing; a power cut can
    undo only the worker's latest commits, and with them their follow-ups' done markers, so the
    next start runs those follow-ups again from the kept answers."""
    from django.db.backends.signals import connection_created

    def on_connect(sender, connection, **kwargs) -> None:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA synchronous=NORMAL")

    connection_created.connect(on_connect, weak=False, dispatch_uid=SYNC_UID)


@click.command("worker")
@DATA_DIR_OPTION
@click.option(
    "--interval",
    default=1.0,
    show_default=True,
    type=click.FloatRange(min=0.05),
    help="Seconds between looks at the queue when it is empty.",
)
@click.option("--batch", is_flag=True, help="Run every queued task, then exit (for a one-off).")
def command(data_dir: str | None, interval: float, batch: bool) -> None:
    """Run queued background tasks until stopped; at start, queue again every follow-up left
    waiting (after a crash nothing else is needed). Run one or more beside `alliance serve`."""
    configure_django(data_dir)
    commit_without_waiting_for_the_disk()
    from django.core.management import call_command

    from alliance.web.followup.run import requeue_waiting

    if queued := requeue_waiting():
        click.echo(f"Queued the waiting follow-up of {queued} client(s).")
    call_command("db_worker", *db_worker_args(interval=interval, batch=batch))
