"""`alliance worker`: run the background tasks (the follow-up of check-ins and the rest)."""

from __future__ import annotations

import os

import click

from ._django import DATA_DIR_OPTION, configure_django

NICE = 10  # the worker gives way to the server's requests on a busy machine


def db_worker_args(*, interval: float, batch: bool) -> list[str]:
    """The arguments of the tasks backend's `db_worker` command for this worker."""
    found = ["--queue-name", "*", "--interval", f"{interval:g}", "--no-reload"]
    return [*found, "--batch", "--no-startup-delay"] if batch else found


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
@click.option(
    "--nice",
    default=NICE,
    show_default=True,
    type=click.IntRange(min=0, max=19),
    help="How far below the server's CPU priority the worker runs (0: the same).",
)
def command(data_dir: str | None, interval: float, batch: bool, nice: int) -> None:
    """Run queued background tasks until stopped; at start, queue again every follow-up left
    waiting (after a crash nothing else is needed). Run one or more beside `alliance serve`.

    The worker runs at a lower CPU priority than the server by default, so on a busy machine a
    client's check-in is answered first and its analysis follows when a core is free."""
    if nice:
        os.nice(nice)
    configure_django(data_dir)
    from django.core.management import call_command

    from alliance.web.followup.run import requeue_waiting

    if queued := requeue_waiting():
        click.echo(f"Queued the waiting follow-up of {queued} client(s).")
    call_command("db_worker", *db_worker_args(interval=interval, batch=batch))
