"""`alliance retention`: list (or, with --apply, erase) the records past the clinic's retention."""

from __future__ import annotations

import click

from ._django import DATA_DIR_OPTION, configure_django


@click.command("retention")
@DATA_DIR_OPTION
@click.option("--apply", "apply_it", is_flag=True, help="Erase them; without it, only list them.")
def command(data_dir: str | None, apply_it: bool) -> None:
    """Clients whose last episode ended more than the clinic's retention_years ago (dry run by
    default); each erasure is audited."""
    configure_django(data_dir)
    from django.utils import timezone

    from alliance.web.security.retention import past_retention
    from alliance.web.security.subject import erase

    due = past_retention(timezone.localdate())
    for client in due:
        if apply_it:
            count = erase(client, reason="erased-past-retention")
            click.echo(f"erased {client.code} ({count} rows)")
        else:
            click.echo(f"would erase {client.code}")
    verb = "erased" if apply_it else "due (dry run; --apply erases them)"
    click.echo(f"{len(due)} record(s) {verb}")
