"""Pages at clinic scale, each beside a one-client caseload rendered alternately in the same run
(A B A B, medians), with query counts: the caseload of 100 clients x 40 sessions, the same
caseload with short histories (is the cost independent of sessions per client?), the caseload
over a series of sizes (1, 10, 100 clients), and the team dashboard's first page over a series of
team sizes and its last page at the largest (and the power of team size its time grows with).

Targets: the caseload at most 1.5x the one-client caseload; each team dashboard page at most 2x it
at every size. The pages read the client summaries, so the seeded clinics are backfilled after
their bulk insert as the `refresh_summaries` command does for an imported clinic. Throwaway
databases as in bench_web (SQLite; PostgreSQL too when DATABASE_URL is set).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ._compare import Comparison, judge, log_slope
from ._web_server import run_backend
from .bench_web import databases

CASELOAD_RATIO = 1.5
TEAM_RATIO = 2.0


@dataclass
class Sizes:
    clients: int = 100
    sessions: int = 40
    few_sessions: int = 10
    caseload_series: list[int] = field(default_factory=lambda: [1, 10, 100])
    team_sizes: list[int] = field(default_factory=lambda: [50, 200, 2000])
    team_sessions: int = 10
    pairs: int = 7


def measure(database: dict[str, str], sizes: Sizes) -> dict:
    return run_backend("benchmarks._pages_backend", database, sizes, "pages.json")


def _comparison(found: dict) -> Comparison:
    return Comparison(project=found["project"], baseline=found["baseline"])


def report(label: str, found: dict, sizes: Sizes) -> bool:
    caseload = found["caseload"]
    print(
        f"[{label}] queries: caseload of {sizes.clients} clients {caseload['queries']}, "
        f"of 1 client {caseload['baseline_queries']}"
    )
    met = judge(
        f"[{label}] caseload {sizes.clients} clients x {sizes.sessions} sessions vs 1 client",
        _comparison(caseload),
        at_most=CASELOAD_RATIO,
        unit="ms",
    )
    short = _comparison(found["short_history"])
    print(
        f"[{label}] the same caseload with {sizes.few_sessions} sessions a client: "
        f"{short.project_median * 1000:.1f} ms vs {short.baseline_median * 1000:.1f} ms with "
        f"{sizes.sessions} (ratio {short.ratio:.2f}; 1.00 is independent of history)"
    )
    met = _report_series(label, found["series"], sizes.sessions) and met
    return _report_team(label, found["team"], found["team_last_page"]) and met


def _report_series(label: str, series: dict, sessions: int) -> bool:
    return _judge_sizes(
        label, series, "caseload", f"clients x {sessions} sessions", CASELOAD_RATIO, "clients"
    )


def _report_team(label: str, team: dict, last_page: dict) -> bool:
    met = _judge_sizes(label, team, "team dashboard", "clients", TEAM_RATIO, "team size")
    print(f"[{label}] team dashboard queries on its last page: {last_page['queries']}")
    last = judge(
        f"[{label}] team dashboard, page {last_page['page']} of the largest team vs 1 client",
        _comparison(last_page),
        at_most=TEAM_RATIO,
        unit="ms",
    )
    return met and last


def _judge_sizes(
    label: str, by_size: dict, page: str, unit: str, target: float, grows_with: str
) -> bool:
    """Each size's page against a 1-client caseload, then the growth power over the sizes."""
    met, points = True, []
    for n, figures in by_size.items():
        found = _comparison(figures)
        print(f"[{label}] {page} queries at {n} clients: {figures['queries']}")
        verdict = judge(
            f"[{label}] {page}, {n} {unit} vs a 1-client caseload",
            found,
            at_most=target,
            unit="ms",
        )
        met = verdict and met
        points.append((math.log(int(n)), math.log(found.project_median)))
    if len(points) > 1:
        print(f"[{label}] {page} time grows as {grows_with} to the power {_slope(points):.2f}")
    return met


_slope = log_slope


def run(sizes: Sizes | None = None) -> bool:
    sizes = sizes or Sizes()
    met = True
    for label, database in databases():
        with database as env:
            met = report(label, measure(env, sizes), sizes) and met
    return met
