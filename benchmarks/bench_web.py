"""The clinic app under load: check-in submits beside a bare one-row insert on the same gunicorn
server, and the caseload page of a therapist with 100 clients of 40 sessions each.

Each database (SQLite always, PostgreSQL too when DATABASE_URL is set) is measured in a child
process on a throwaway database, so the runs never touch real data.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ._web_server import REPO

TARGET_RATIO = 0.5  # check-in submits per second at least half of bare inserts per second
TARGET_CASELOAD_MS = 150.0


@dataclass
class Sizes:
    per_round: int = 150
    rounds: int = 3
    threads: int = 4
    workers: int = 2
    clients: int = 100
    sessions: int = 40
    renders: int = 7


@contextmanager
def sqlite_database() -> Iterator[dict[str, str]]:
    """A data directory that disappears afterwards; the app keeps its SQLite file there."""
    with tempfile.TemporaryDirectory(prefix="alliance-bench-web-") as folder:
        yield {"ALLIANCE_DATA_DIR": folder, "DATABASE_URL": ""}


@contextmanager
def postgres_database(url: str) -> Iterator[dict[str, str]]:
    """A database of its own on the server DATABASE_URL names, dropped afterwards."""
    import psycopg

    name = f"alliance_bench_web_{secrets.token_hex(4)}"
    parts = urlsplit(url)
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        with tempfile.TemporaryDirectory(prefix="alliance-bench-web-") as folder:
            yield {
                "ALLIANCE_DATA_DIR": folder,
                "DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}")),
            }
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def measure(database: dict[str, str], sizes: Sizes) -> dict:
    """Run one database's measurements in a child process and return its figures."""
    results = Path(database["ALLIANCE_DATA_DIR"]) / "results.json"
    env = {
        **os.environ,
        **database,
        "DJANGO_SETTINGS_MODULE": "benchmarks._web_settings",
        "ALLIANCE_SECRET_KEY": secrets.token_urlsafe(50),
        "ALLIANCE_DEBUG": "false",
        "PYTHONPATH": str(REPO),
    }
    command = [
        sys.executable,
        "-m",
        "benchmarks._web_backend",
        str(results),
        json.dumps(asdict(sizes)),
    ]
    subprocess.run(command, cwd=REPO, env=env, check=True)
    return json.loads(results.read_text())


def report(label: str, found: dict, sizes: Sizes) -> bool:
    """Print the figures with PASS/FAIL per target; True when every target is met."""
    checkin, bare = found["checkin"], found["bare"]
    ratio = checkin["per_second"] / bare["per_second"] if bare["per_second"] else 0.0
    print(
        f"[{label}] gunicorn {sizes.workers} sync workers, {sizes.threads} client threads, "
        f"{sizes.rounds} alternating rounds"
    )
    for name, load in (("check-in submit", checkin), ("bare insert (baseline)", bare)):
        failed = f", failures {load['failures']}" if load["failures"] else ""
        print(
            f"[{label}] {name}: {load['per_second']:.1f} requests/s "
            f"({load['ok']}/{load['requests']} ok in {load['seconds']:.2f} s{failed})"
        )
    drained = found.get("follow_up_drain_seconds", 0.0)
    print(
        f"[{label}] their follow-ups (storing the answers, rupture detection etc.): done "
        f"{drained:.2f} s after the rounds ended; counting that time too, "
        f"{checkin['ok'] / (checkin['seconds'] + drained):.1f} check-ins/s"
    )
    every_ok = checkin["ok"] == checkin["requests"] and bare["ok"] == bare["requests"]
    throughput = every_ok and ratio >= TARGET_RATIO
    print(
        f"[{label}] ratio check-in / bare: {ratio:.2f} (target at least {TARGET_RATIO:g}, "
        f"every request answered ok): {'PASS' if throughput else 'FAIL'}"
    )
    return _report_caseload(label, found, sizes) and throughput


def _report_caseload(label: str, found: dict, sizes: Sizes) -> bool:
    page, baseline = found["caseload"], found["baseline"]
    print(
        f"[{label}] caseload, {page['rows']} clients x {sizes.sessions} sessions: median "
        f"{page['median_ms']:.1f} ms over {page['renders']} renders, {page['queries']} queries"
    )
    print(
        f"[{label}] caseload, 1 client x 1 session (baseline): median "
        f"{baseline['median_ms']:.1f} ms, {baseline['queries']} queries"
    )
    met = page["median_ms"] < TARGET_CASELOAD_MS and page["rows"] == sizes.clients
    print(f"[{label}] caseload target under {TARGET_CASELOAD_MS:g} ms: {'PASS' if met else 'FAIL'}")
    return met


def databases() -> list[tuple[str, object]]:
    """SQLite always; PostgreSQL as well when DATABASE_URL names a server."""
    found: list[tuple[str, object]] = [("sqlite", sqlite_database())]
    if url := os.environ.get("DATABASE_URL"):
        found.append(("postgresql", postgres_database(url)))
    return found


def run(sizes: Sizes | None = None) -> bool:
    """Measure on every configured database; True when every target is met on each."""
    sizes = sizes or Sizes()
    met = True
    for label, database in databases():
        with database as env:
            met = report(label, measure(env, sizes), sizes) and met
    return met
