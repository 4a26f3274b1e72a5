"""The clinic app under load: check-in submits beside a bare one-row insert on the same gunicorn
server, and the caseload page of a therapist with 100 clients of 40 sessions each.

Each database (SQLite always, PostgreSQL too when DATABASE_URL is set) is measured in a child
process on a throwaway database, so the runs never touch real data.
"""

from __future__ import annotations

import os
import secrets
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from ._web_server import run_backend

TARGET_RATIO = 0.5  # check-in submits per second at least half of bare inserts per second
TARGET_END_TO_END = 0.3  # check-ins posted and followed up per second, against bare inserts
MIN_PAIRS = 5  # alternating pairs (bare round, check-in round) whose medians are judged
TARGET_CASELOAD_MS = 150.0
CASELOAD_PAGE = 50  # rows one caseload page lists (alliance.web.caseload.query.PAGE_SIZE)


@dataclass
class Sizes:
    per_round: int = 100
    rounds: int = 5  # pairs: a round of bare inserts, then one of check-ins and their follow-up
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
    return run_backend("benchmarks._web_backend", database, sizes, "results.json")


def pair_medians(pairs: list[dict]) -> dict[str, float]:
    """Medians over the pairs of each rate, and of each pair's ratios to its own bare round."""
    ratios = [
        (p["checkin"] / p["bare"], p["end_to_end"] / p["bare"]) if p["bare"] else (0.0, 0.0)
        for p in pairs
    ]
    return {
        "bare": statistics.median(p["bare"] for p in pairs),
        "checkin": statistics.median(p["checkin"] for p in pairs),
        "end_to_end": statistics.median(p["end_to_end"] for p in pairs),
        "drain_seconds": statistics.median(p["drain_seconds"] for p in pairs),
        "submit_ratio": statistics.median(r[0] for r in ratios),
        "end_to_end_ratio": statistics.median(r[1] for r in ratios),
    }


def report(label: str, found: dict, sizes: Sizes) -> bool:
    """Print the figures with PASS/FAIL per target; True when every target is met."""
    checkin, bare, pairs = found["checkin"], found["bare"], found["pairs"]
    print(
        f"[{label}] gunicorn {sizes.workers} sync workers and 1 `alliance worker` as deployed "
        f"(db_worker, default interval and priority), "
        f"{sizes.threads} client threads, {len(pairs)} alternating pairs of {sizes.per_round} "
        f"posts (bare, check-in, bare, check-in, ...); medians over the pairs"
    )
    for name, load in (("check-in submit", checkin), ("bare insert (baseline)", bare)):
        failed = f", failures {load['failures']}" if load["failures"] else ""
        print(f"[{label}] {name}: {load['ok']}/{load['requests']} answered ok{failed}")
    every_ok = checkin["ok"] == checkin["requests"] and bare["ok"] == bare["requests"]
    return _report_rates(label, pair_medians(pairs), len(pairs), found, every_ok) & (
        _report_caseload(label, found, sizes)
    )


def _report_rates(label: str, medians: dict, n_pairs: int, found: dict, every_ok: bool) -> bool:
    print(
        f"[{label}] bare insert (baseline): {medians['bare']:.1f}/s; check-in submit: "
        f"{medians['checkin']:.1f}/s; end to end (posted, stored, analysed, "
        f"{found.get('alerts', 0)} alerts raised): {medians['end_to_end']:.1f}/s, the worker "
        f"done {medians['drain_seconds']:.2f} s after the last post of a round"
    )
    enough = n_pairs >= MIN_PAIRS and every_ok
    submit = enough and medians["submit_ratio"] >= TARGET_RATIO
    end_to_end = enough and medians["end_to_end_ratio"] >= TARGET_END_TO_END
    condition = f"at least {MIN_PAIRS} pairs, every request answered ok"
    print(
        f"[{label}] ratio check-in submit / bare: {medians['submit_ratio']:.2f} (target at "
        f"least {TARGET_RATIO:g}, {condition}): {'PASS' if submit else 'FAIL'}"
    )
    print(
        f"[{label}] ratio end to end / bare: {medians['end_to_end_ratio']:.2f} (target at "
        f"least {TARGET_END_TO_END:g}, {condition}): {'PASS' if end_to_end else 'FAIL'}"
    )
    return submit and end_to_end


def _report_caseload(label: str, found: dict, sizes: Sizes) -> bool:
    page, baseline = found["caseload"], found["baseline"]
    print(
        f"[{label}] caseload of {sizes.clients} clients x {sizes.sessions} sessions, "
        f"{page['rows']} on its first page: median "
        f"{page['median_ms']:.1f} ms over {page['renders']} renders, {page['queries']} queries"
    )
    print(
        f"[{label}] caseload, 1 client x 1 session (baseline): median "
        f"{baseline['median_ms']:.1f} ms, {baseline['queries']} queries"
    )
    listed = min(sizes.clients, CASELOAD_PAGE)  # the page lists one page, not every client
    met = page["median_ms"] < TARGET_CASELOAD_MS and page["rows"] == listed
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
