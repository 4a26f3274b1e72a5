"""`alliance audit`: who read or changed which client's record, from the clinic's database."""

from __future__ import annotations

import csv
import datetime as dt
import io

import click

from ._django import DATA_DIR_OPTION, configure_django
from ._output import FORMAT_OPTION, print_json

TABLE_COLUMNS = ("when", "user", "action", "client", "what", "ip")


@click.command("audit")
@DATA_DIR_OPTION
@click.option("--client", "client_code", default="", help="Only this client code.")
@click.option("--user", "username", default="", help="Only this staff username.")
@click.option(
    "--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="From this day (YYYY-MM-DD)."
)
@FORMAT_OPTION
def command(
    data_dir: str | None, client_code: str, username: str, since: dt.datetime | None, fmt: str
) -> None:
    """Print the audit (reads, changes, exports, erasures), newest first; reading it is audited."""
    configure_django(data_dir)
    from alliance.web.clinic.audit import record
    from alliance.web.security.audit_log import COLUMNS, as_dict, audit_rows

    query = {"client": client_code, "user": username, "since": since.date() if since else None}
    rows = [as_dict(event) for event in audit_rows(**query)]
    record(None, None, "audit-command", _described(query), kind="read")
    if fmt == "json":
        print_json(rows)
    elif fmt == "csv":
        click.echo(_csv(rows, COLUMNS), nl=False)
    else:
        click.echo(_table(rows))


def _described(query: dict) -> str:
    return " ".join(f"{key}={value}" for key, value in query.items() if value)


def _csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _table(rows: list[dict]) -> str:
    cells = [TABLE_COLUMNS] + [tuple(str(row[c] or "-") for c in TABLE_COLUMNS) for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(TABLE_COLUMNS))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) for line in cells
    ]
    return "\n".join(line.rstrip() for line in lines) + f"\n{len(rows)} row(s)"
