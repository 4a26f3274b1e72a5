"""`alliance serve`: run the clinic web app under gunicorn for production."""

from __future__ import annotations

import os
import sys

import click

from ._output import fail
from ._sizing import THREADS_PER_WORKER, server_size
from .start_checks import start_problems


def gunicorn_argv(
    host: str, port: int, workers: int, threads: int = THREADS_PER_WORKER
) -> list[str]:
    """The command line that runs the app under gunicorn (no access log: paths hold tokens)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "alliance.web.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
    ]


def pending_migrations() -> list[str]:
    """Names of migrations not yet applied to the configured database."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to bind.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Gunicorn worker processes (default: usable cores + 1, from 2 to 12).",
)
@click.option(
    "--threads",
    type=click.IntRange(min=1),
    help=f"Threads per worker (default: {THREADS_PER_WORKER}).",
)
@click.option("--migrate", is_flag=True, help="Apply database migrations before serving.")
def command(host: str, port: int, workers: int | None, threads: int | None, migrate: bool) -> None:
    """Serve the clinic web app with gunicorn (refuses unsafe settings, see the deployment docs).

    Background work (the follow-up of every check-in) runs in `alliance worker`: run at least
    one beside the server, with the same environment (docs/deployment.md)."""
    if problems := start_problems(os.environ):
        fail("; ".join(problems))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    if migrate:
        call_command("migrate")
    elif pending := pending_migrations():
        fail(
            f"the database needs {len(pending)} migration(s) (first: {pending[0]}); "
            "run `alliance serve --migrate` once, after a backup"
        )
    size = server_size(workers=workers, threads=threads)
    os.execv(sys.executable, gunicorn_argv(host, port, size.workers, size.threads))
