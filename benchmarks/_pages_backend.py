"""The page benchmark's measurements in a process of their own (Django set up once):
python -m benchmarks._pages_backend RESULTS.json '{"clients": 100, ...}' (sizes of bench_pages)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ._compare import alternate


def _page(user, path: str):
    from django.db import connection
    from django.test import Client as HttpClient
    from django.test.utils import CaptureQueriesContext

    from ._web_caseload import past_second_step

    browser = HttpClient()
    browser.force_login(user)
    past_second_step(browser, user)

    def render():
        page = browser.get(path)
        if page.status_code != 200:
            raise RuntimeError(f"{path} answered {page.status_code}, not 200")
        return page

    render()  # the first render fills template, URL and model caches
    with CaptureQueriesContext(connection) as queries:
        render()
    return render, len(queries.captured_queries)


def _pair(project, baseline, pairs: int) -> dict:
    found = alternate(project[0], baseline[0], pairs=pairs)
    return {
        "project": found.project,
        "baseline": found.baseline,
        "queries": project[1],
        "baseline_queries": baseline[1],
    }


def measure(sizes: dict) -> dict:
    from ._web_caseload import seed_caseload

    pairs, sessions = sizes["pairs"], sizes["sessions"]
    one = _page(seed_caseload("one", 1, sessions, seed=4), "/caseload/")
    big = _page(seed_caseload("big", sizes["clients"], sessions), "/caseload/")
    short = _page(
        seed_caseload("short", sizes["clients"], sizes["few_sessions"], seed=5), "/caseload/"
    )
    found = {"caseload": _pair(big, one, pairs), "short_history": _pair(short, big, pairs)}
    found["series"] = {}
    for n in sizes["caseload_series"]:
        seeded = {1: one, sizes["clients"]: big}.get(n) or _page(
            seed_caseload(f"series{n}", n, sessions, seed=10 + n), "/caseload/"
        )
        found["series"][str(n)] = _pair(seeded, one, pairs)
    found["team"] = {}
    for n in sizes["team_sizes"]:
        therapist = seed_caseload(f"team{n}", n, sizes["team_sessions"], seed=n)
        supervisor = type(therapist).objects.get(username=f"team{n}-supervisor")
        found["team"][str(n)] = _pair(_page(supervisor, "/team/"), one, pairs)
    last = -(-max(sizes["team_sizes"]) // 50)
    found["team_last_page"] = _pair(
        _page(supervisor, f"/team/?sort=outcome&page={last}"), one, pairs
    )
    found["team_last_page"]["page"] = last
    return found


def main(results_path: str, sizes_json: str) -> int:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    Path(results_path).write_text(json.dumps(measure(json.loads(sizes_json))))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
