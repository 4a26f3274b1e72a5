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


def _pair(send: dict, bare: list, checkins: list) -> tuple[Load, Load, float]:
    """One pair: a round of bare inserts (A), then a round of check-ins (B) and the time until
    the worker has followed every one of them up."""
    bare_load = send["bare"](bare)
    checkin_load = send["checkin"](checkins)
    return bare_load, checkin_load, wait_for_follow_ups()


def _pair_figures(bare: Load, checkin: Load, drained: float) -> dict:
    end_to_end = checkin.seconds + drained
    return {
        "bare": bare.per_second,
        "checkin": checkin.per_second,
        "end_to_end": checkin.ok / end_to_end if end_to_end else 0.0,
        "drain_seconds": drained,
    }


def measure_posts(sizes: dict, log: Path) -> tuple[dict[str, Load], list[dict]]:
    """Alternate rounds of bare inserts and check-in submits (A B A B ...) against one gunicorn
    server with one `alliance worker` beside it; the merged loads and each pair's figures."""
    from ._web_data import seed_checkin_links
    from ._web_server import running_server
    from ._web_urls import BARE_INSERT_PATH, BARE_INSERT_REPLY

    per_round, rounds = sizes["per_round"], sizes["rounds"]
    checkins = [(p.path, p.fields) for p in seed_checkin_links(WARMUP + per_round * rounds)]
    bare = [(BARE_INSERT_PATH, {})] * per_round
    loads: dict[str, list[Load]] = {"checkin": [], "bare": []}
    pairs = []
    with running_server(workers=sizes["workers"], log=log) as port:
        csrf = csrf_cookie(port)
        send = {
            "checkin": lambda batch: post_all(
                port, batch, csrf=csrf, expect=b"/thanks/", threads=sizes["threads"]
            ),
            "bare": lambda batch: post_all(
                port, batch, csrf=csrf, expect=BARE_INSERT_REPLY, threads=sizes["threads"]
            ),
        }
        send["bare"](bare[:WARMUP])
        send["checkin"](checkins[:WARMUP])
        wait_for_follow_ups()
        for n in range(rounds):
            batch = checkins[WARMUP + n * per_round : WARMUP + (n + 1) * per_round]
            bare_load, checkin_load, drained = _pair(send, bare, batch)
            loads["bare"].append(bare_load)
            loads["checkin"].append(checkin_load)
            pairs.append(_pair_figures(bare_load, checkin_load, drained))
    return {kind: _merge(found) for kind, found in loads.items()}, pairs


def count_alerts() -> int:
    """Alerts the check-ins raised (their analysis really ran)."""
    from alliance.web.clinic.models import Alert

    return Alert.objects.filter(client__therapist__username="links-therapist").count()


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
    posts, pairs = measure_posts(sizes, results.with_suffix(".gunicorn.log"))
    found = {kind: _figures(load) for kind, load in posts.items()}
    found["pairs"] = pairs
    found["alerts"] = count_alerts()
    found |= measure_caseload(sizes)
    results.write_text(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
