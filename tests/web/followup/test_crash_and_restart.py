"""kill -9 of the server and the worker under a burst of check-ins: starting them again, and
nothing else (no page view, no command), brings every pending follow-up to done; every check-in
the client was thanked for is stored once and analysed once. Real processes on a database of
their own: SQLite, or PostgreSQL when DATABASE_URL is set."""

from __future__ import annotations

import threading
import time

import pytest

from benchmarks._web_load import csrf_cookie, post_all
from tests.web.live_clinic import LiveClinic, live_clinic

FIRST, BURST = 24, 36  # check-ins answered before the burst, and those of the burst
DONE_WITHIN = 180  # seconds for the restarted worker to finish everything

SUBMITTED = "SELECT COUNT(*) FROM clinic_checkinsubmission"
WAITING = (
    "SELECT (SELECT COUNT(*) FROM clinic_checkinsubmission WHERE stored_at IS NULL)"
    " + (SELECT COUNT(*) FROM followup_pendingfollowup)"
)


def _post(clinic: LiveClinic, posts) -> int:
    """Post the check-ins four at a time; how many were thanked."""
    load = post_all(
        clinic.port, posts, csrf=csrf_cookie(clinic.port), expect=b"/thanks/", threads=4
    )
    return load.ok


def _kill_during_the_burst(clinic: LiveClinic, posts) -> list[int]:
    thanked: list[int] = []
    burst = threading.Thread(target=lambda: thanked.append(_post(clinic, posts)))
    burst.start()
    deadline = time.monotonic() + 60
    while clinic.count(SUBMITTED) < FIRST + BURST // 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    clinic.kill_hard()
    burst.join()
    return thanked


def _wait_until_done(clinic: LiveClinic) -> None:
    deadline = time.monotonic() + DONE_WITHIN
    while clinic.count(WAITING) and time.monotonic() < deadline:
        time.sleep(0.2)


@pytest.mark.slow
def test_after_kill_9_a_restart_alone_brings_every_follow_up_to_done():
    with live_clinic() as clinic:
        posts = clinic.seed(FIRST + BURST)
        clinic.start()
        thanked = _post(clinic, posts[:FIRST])
        thanked += _kill_during_the_burst(clinic, posts[FIRST:])[0]
        left_waiting = clinic.count(WAITING)
        submitted = clinic.count(SUBMITTED)
        clinic.start()
        _wait_until_done(clinic)
        assert left_waiting > 0, "the crash left nothing to do: the test proves nothing"
        assert FIRST < thanked <= submitted < FIRST + BURST
        assert clinic.count(WAITING) == 0
        assert clinic.count(SUBMITTED) == submitted  # nothing arrived or vanished meanwhile
        _assert_stored_and_analysed_once(clinic, submitted)


def _assert_stored_and_analysed_once(clinic: LiveClinic, submitted: int) -> None:
    assert (
        clinic.count("SELECT COUNT(*) FROM clinic_checkinsubmission WHERE stored_at IS NULL") == 0
    )
    assert clinic.count("SELECT COUNT(*) FROM clinic_checkinlink WHERE used_at IS NOT NULL") == (
        submitted
    )
    assert clinic.count("SELECT COUNT(*) FROM clinic_response WHERE link_id IS NOT NULL") == (
        3 * submitted  # the alliance check-in, PHQ-9 and goal progress, once each
    )
    audited = "SELECT COUNT(*) FROM clinic_auditevent WHERE action = 'checkin-submitted'"
    assert clinic.count(audited) == submitted
    twice = (
        "SELECT COUNT(*) FROM (SELECT client_id, onset_session FROM clinic_rupture"
        " GROUP BY client_id, onset_session HAVING COUNT(*) > 1) AS repeated"
    )
    assert clinic.count(twice) == 0
