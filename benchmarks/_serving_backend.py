"""The serving benchmark's measurements in a process of their own (Django set up once): seed,
serve with gunicorn, and alternate rounds of GETs of a page and of the bare one-row view.

python -m benchmarks._serving_backend RESULTS.json '{"users": 16, ...}' (bench_serving.Sizes)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ._web_gets import get_all


def user_cookies(user, n: int) -> list[str]:
    """n logged-in sessions of this user, past the second login step, as Cookie headers."""
    from django.conf import settings
    from django.test import Client as HttpClient
    from django.utils import timezone

    from alliance.web.security.idle import LAST_SEEN

    from ._web_caseload import past_second_step

    cookies = []
    for _ in range(n):
        browser = HttpClient()
        browser.force_login(user)
        past_second_step(browser, user)
        session = browser.session
        session[LAST_SEEN] = int(timezone.now().timestamp())
        session.save()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    return cookies


def _rounds(send_page, send_bare, rounds: int) -> list[dict]:
    """A B A B ...: a round of the bare view, then one of the page; each pair's rates."""
    pairs = []
    for _ in range(rounds):
        bare, page = send_bare(), send_page()
        pairs.append({"bare": _figures(bare), "page": _figures(page)})
    return pairs


def _figures(load) -> dict:
    return {
        "requests": load.requests,
        "ok": load.ok,
        "per_second": load.per_second,
        "failures": dict(load.failures),
    }


def measure(sizes: dict, log: Path) -> dict:
    from ._web_caseload import seed_caseload
    from ._web_data import seed_checkin_links
    from ._web_server import running_server
    from ._web_urls import BARE_SELECT_PATH, BARE_SELECT_REPLY

    therapist = seed_caseload("serving-therapist", sizes["clients"], sizes["sessions"])
    staff = user_cookies(therapist, sizes["users"])
    links = [post.path for post in seed_checkin_links(sizes["links"])]
    clients = [""] * sizes["checkin_users"]  # a client's phone has no session
    per_round = sizes["per_round"]
    with running_server(workers=sizes["workers"], log=log) as port:

        def send(paths, cookies, expect):
            return lambda: get_all(port, paths, cookies=cookies, expect=expect)

        caseload = send(["/caseload/"] * per_round, staff, b'<th scope="row">')
        bare_staff = send([BARE_SELECT_PATH] * per_round, staff, BARE_SELECT_REPLY)
        pages = (links * per_round)[:per_round]
        checkin = send(pages, clients, b'name="alliance-checkin__1"')
        bare_client = send([BARE_SELECT_PATH] * per_round, clients, BARE_SELECT_REPLY)
        for warm in (caseload, bare_staff, checkin, bare_client):
            warm()
        return {
            "caseload": _rounds(caseload, bare_staff, sizes["rounds"]),
            "checkin": _rounds(checkin, bare_client, sizes["rounds"]),
        }


def main(results_path: str, sizes_json: str) -> int:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    results = Path(results_path)
    found = measure(json.loads(sizes_json), results.with_suffix(".gunicorn.log"))
    results.write_text(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
