"""Pages under concurrent use, each against a bare view reading one row on the same gunicorn
server (2 sync workers), alternated A B A B in rounds and judged on the median of each pair's
throughput ratio: the caseload of 100 clients x 40 sessions with 16 therapists' sessions at once
(at least 10 % of the bare view's rate), and the client's check-in page (at least 50 %).

Each database (SQLite always, PostgreSQL too when DATABASE_URL is set) is measured in a child
process on a throwaway database, as in bench_web.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ._compare import PAIRS, judge_at_least
from ._web_server import run_backend
from .bench_web import databases

TARGETS = {"caseload": 0.10, "checkin": 0.50}
LABELS = {"caseload": "caseload, {users} users at once", "checkin": "check-in page"}


@dataclass
class Sizes:
    users: int = 16  # staff sessions requesting the caseload at once
    checkin_users: int = 4  # clients opening their check-in at once
    workers: int = 2
    clients: int = 100
    sessions: int = 40
    links: int = 20  # distinct check-in links, opened over and over
    per_round: int = 160  # requests in each round of either side
    rounds: int = 5  # alternated pairs: a round of the bare view, then one of the page


def measure(database: dict[str, str], sizes: Sizes) -> dict:
    return run_backend("benchmarks._serving_backend", database, sizes, "serving.json")


def medians(pairs: list[dict]) -> dict[str, float]:
    """Median rates of each side, and the median of each pair's own ratio."""
    ratios = [p["page"]["per_second"] / p["bare"]["per_second"] for p in pairs]
    return {
        "bare": statistics.median(p["bare"]["per_second"] for p in pairs),
        "page": statistics.median(p["page"]["per_second"] for p in pairs),
        "ratio": statistics.median(ratios),
    }


def report(label: str, found: dict, sizes: Sizes) -> bool:
    print(
        f"[{label}] gunicorn {sizes.workers} sync workers and 1 `alliance worker`; "
        f"{sizes.rounds} alternated pairs of {sizes.per_round} GETs (bare, page, ...)"
    )
    met = True
    for kind, target in TARGETS.items():
        name = LABELS[kind].format(users=sizes.users)
        met = _report_one(label, name, found[kind], target) and met
    return met


def _report_one(label: str, name: str, pairs: list[dict], target: float) -> bool:
    sides = [p[side] for p in pairs for side in ("bare", "page")]
    failures = [side["failures"] for side in sides if side["failures"]]
    enough = len(pairs) >= PAIRS and all(side["ok"] == side["requests"] for side in sides)
    found = medians(pairs)
    print(
        f"[{label}] {name}: {found['page']:.1f}/s; bare one-row view (baseline): "
        f"{found['bare']:.1f}/s; median of the pairs' ratios {found['ratio']:.3f}"
        f"{f'; failures {failures}' if failures else ''}"
    )
    if not enough:
        print(f"[{label}] {name}: fewer than {PAIRS} pairs or a request failed: FAIL")
    met = judge_at_least(f"[{label}] {name}", found["ratio"], target=target)
    return enough and met


def run(sizes: Sizes | None = None) -> bool:
    sizes = sizes or Sizes()
    met = True
    for label, database in databases():
        with database as env:
            met = report(label, measure(env, sizes), sizes) and met
    return met
