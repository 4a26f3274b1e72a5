"""One database's share of the web benchmark, run in its own process (Django is set up once per
process): seed, serve with gunicorn, post check-ins and bare inserts, time the caseload.

python -m benchmarks._web_backend RESULTS.json '{"rounds": 3, ...}'  (sizes as in bench_web.Sizes)
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from ._web_load import Load, csrf_cookie, post_all

WARMUP = 10  # requests of each kind before timing, so both paths start with warm caches
DRAIN_SECONDS = 300  # longest wait for the follow-ups of a round of check-ins


def wait_for_follow_ups() -> float:
    """Seconds until the worker has run every queued follow-up (rupture detection etc.), so
    the next round of bare inserts does not pay for the check-ins' deferred work."""
    from alliance.web.followup.run import waiting_clients

    start = time.perf_counter()
    while waiting_clients():
        if time.perf_counter() - start > DRAIN_SECONDS:
            raise RuntimeError(f"follow-ups still pending after {DRAIN_SECONDS} s")
        time.sleep(0.05)
    return time.perf_counter() - start


def _merge(loads: list[Load]) -> Load:
    merged = Load(0, 0, 0.0)
    for load in loads:
        merged.requests += load.requests
        merged.ok += load.ok
        merged.seconds += load.seconds
        merged.failures.update(load.failures)
    return merged


def _figures(load: Load) -> dict:
    return {
        "requests": load.requests,
        "ok": load.ok,
        "seconds": load.seconds,
        "per_second": load.per_second,
        "failures": dict(load.failures),
    }


def measure_posts(sizes: dict, log: Path) -> tuple[dict[str, Load], float]:
    """Alternate rounds of bare inserts and check-in submits against one gunicorn server."""
    from ._web_data import seed_checkin_links
    from ._web_server import running_server
    from ._web_urls import BARE_INSERT_PATH, BARE_INSERT_REPLY

    per_round, rounds = sizes["per_round"], sizes["rounds"]
    checkins = [(p.path, p.fields) for p in seed_checkin_links(WARMUP + per_round * rounds)]
    bare = [(BARE_INSERT_PATH, {})] * per_round
    loads: dict[str, list[Load]] = {"checkin": [], "bare": []}
    drained = 0.0
    with running_server(workers=sizes["workers"], log=log) as port:
        csrf = csrf_cookie(port)
        send = {
            "checkin": lambda batch: post_all(
                port, batch, csrf=csrf, expect=b"Thank you", threads=sizes["threads"]
            ),
            "bare": lambda batch: post_all(
                port, batch, csrf=csrf, expect=BARE_INSERT_REPLY, threads=sizes["threads"]
            ),
        }
        send["bare"](bare[:WARMUP])
        send["checkin"](checkins[:WARMUP])
        wait_for_follow_ups()
        for n in range(rounds):
            loads["bare"].append(send["bare"](bare))
            batch = checkins[WARMUP + n * per_round : WARMUP + (n + 1) * per_round]
            loads["checkin"].append(send["checkin"](batch))
            drained += wait_for_follow_ups()
    return {kind: _merge(found) for kind, found in loads.items()}, drained


def measure_caseload(sizes: dict) -> dict:
    """The big caseload's render time and queries, beside a one-client caseload's."""
    from ._web_caseload import seed_caseload, time_caseload

    therapist = seed_caseload("caseload-therapist", sizes["clients"], sizes["sessions"])
    seed_caseload("colleague", max(1, sizes["clients"] // 2), sizes["sessions"], seed=3)
    baseline = seed_caseload("baseline-therapist", 1, 1, seed=4)
    return {
        "caseload": asdict(time_caseload(therapist, renders=sizes["renders"])),
        "baseline": asdict(time_caseload(baseline, renders=sizes["renders"])),
    }


def main(results_path: str, sizes_json: str) -> int:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    sizes = json.loads(sizes_json)
    results = Path(results_path)
    posts, drained = measure_posts(sizes, results.with_suffix(".gunicorn.log"))
    found = {kind: _figures(load) for kind, load in posts.items()}
    found["follow_up_drain_seconds"] = drained
    found |= measure_caseload(sizes)
    results.write_text(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
