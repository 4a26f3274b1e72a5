"""`alliance demo`: seed a synthetic clinic into a data directory and serve it locally."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ._django import stored_secret


def configure(data_dir: Path, host: str) -> None:
    """Point Django at the demo's own SQLite database and secret, then set it up."""
    import django

    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.pop("DATABASE_URL", None)  # the demo always uses SQLite in its data directory
    os.environ["ALLIANCE_DATA_DIR"] = str(data_dir)
    os.environ["ALLIANCE_SECRET_KEY"] = stored_secret(data_dir)
    hosts = "*" if host in ("0.0.0.0", "::") else ",".join(sorted({host, "localhost", "127.0.0.1"}))
    os.environ["ALLIANCE_ALLOWED_HOSTS"] = hosts
    if not os.environ.get("EMAIL_HOST"):  # mail lands in DIR/outbox/ unless a server is given
        os.environ.setdefault("ALLIANCE_MAIL_TO_FILES", "true")
    os.environ.setdefault("ALLIANCE_TWO_FACTOR", "false")  # so a newcomer can look around
    os.environ["DJANGO_SETTINGS_MODULE"] = "alliance.web.settings"
    django.setup()


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--data-dir",
    default="data",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where the demo database and secret key are kept.",
)
def command(host: str, port: int, data_dir: str) -> None:
    """Seed a synthetic demo clinic (once) and serve it; synthetic data only."""
    # links sent by email or SMS point at this server unless a public address is configured
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    os.environ.setdefault("ALLIANCE_CHECKIN_BASE_URL", f"http://{shown}:{port}")
    configure(Path(data_dir).resolve(), host)
    from django.core.management import call_command
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    from alliance.web.demo.people import DEMO_PASSWORD, demo_logins
    from alliance.web.demo.seed import is_seeded, seed_demo

    call_command("migrate", verbosity=0)
    if not is_seeded():
        click.echo("Seeding the demo clinic (synthetic clients, about a minute)...")
        seed_demo()
    click.echo(f"alliance demo running at http://{host}:{port}/")
    click.echo(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    for username, role in demo_logins():
        click.echo(f"  {username:<6} {role}")
    click.echo("A background worker runs beside it (the follow-up of every check-in).")
    click.echo("Two-factor login is off in this demo; password reset mail goes to outbox/.")
    click.echo("Press Ctrl+C to stop.")
    with background_worker(Path(data_dir).resolve()):
        run(host, port, get_wsgi_application(), threading=True)


def worker_command(data_dir: Path) -> list[str]:
    """`alliance worker` on the demo's own database, as a command line."""
    return [sys.executable, "-m", "alliance", "worker", "--data-dir", str(data_dir)]


@contextmanager
def background_worker(data_dir: Path) -> Iterator[subprocess.Popen]:
    """Run `alliance worker` beside the demo server, and stop it with the server."""
    worker = subprocess.Popen(worker_command(data_dir))
    try:
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
