"""`alliance demo`: seed a synthetic clinic into a data directory and serve it locally."""

from __future__ import annotations

import os
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
    os.environ.setdefault("ALLIANCE_MAIL_TO_FILES", "true")  # reset links land in DIR/outbox/
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
    click.echo("Two-factor login is off in this demo; password reset mail goes to outbox/.")
    click.echo("Press Ctrl+C to stop.")
    run(host, port, get_wsgi_application(), threading=True)
