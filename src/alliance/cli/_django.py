"""Point Django at a clinic's database for the commands that work on it (token, audit, ...)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import click

SECRET_FILE = "secret_key.txt"

DATA_DIR_OPTION = click.option(
    "--data-dir",
    default=None,
    type=click.Path(file_okay=False),
    help=(
        "The clinic's data directory, as given to `alliance demo --data-dir` (its SQLite database "
        "and secret). Default: ALLIANCE_DATA_DIR, or the PostgreSQL database in DATABASE_URL."
    ),
)


def stored_secret(data_dir: Path) -> str:
    """The data directory's secret key, generated once and kept (private) in the directory."""
    path = data_dir / SECRET_FILE
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def configure_django(data_dir: str | Path | None) -> None:
    """Set up Django on the clinic named by --data-dir, or by the environment as `serve` reads it.

    An explicit data directory means its own SQLite database, as the demo keeps it, so a command
    and `alliance demo --data-dir DIR` always work on the same rows.
    """
    import django

    if data_dir is not None:
        folder = Path(data_dir).resolve()
        if not (folder / "alliance.sqlite3").exists():
            raise click.ClickException(f"--data-dir: no clinic database in {folder}")
        os.environ.pop("DATABASE_URL", None)
        os.environ["ALLIANCE_DATA_DIR"] = str(folder)
        os.environ.setdefault("ALLIANCE_SECRET_KEY", stored_secret(folder))
    _secret_for_offline_use()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.web.settings")
    django.setup()


def _secret_for_offline_use() -> None:
    # These commands sign nothing a server checks later, so without a configured key a throwaway
    # one lets them run; the data directory's own key is used when there is one.
    if os.environ.get("ALLIANCE_SECRET_KEY"):
        return
    folder = Path(os.environ.get("ALLIANCE_DATA_DIR") or "data").resolve()
    if (folder / SECRET_FILE).exists():
        os.environ["ALLIANCE_SECRET_KEY"] = stored_secret(folder)
    else:
        os.environ["ALLIANCE_SECRET_KEY"] = secrets.token_urlsafe(50)
