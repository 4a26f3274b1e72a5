"""`alliance demo` runs a worker beside its server, so a check-in is followed up with no step of
the newcomer's own; the worker stops with the server."""

from __future__ import annotations

import time

import pytest

from alliance.cli.demo import background_worker, worker_command
from benchmarks._web_load import csrf_cookie, post_all
from tests.web.live_clinic import live_clinic

WAITING = "SELECT COUNT(*) FROM clinic_checkinsubmission WHERE stored_at IS NULL"


def test_the_worker_command_names_the_demo_database(tmp_path):
    assert worker_command(tmp_path)[-3:] == ["worker", "--data-dir", str(tmp_path)]


@pytest.mark.slow
def test_the_demo_worker_follows_up_a_checkin_and_stops_with_the_server(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)  # the demo always uses SQLite
    with live_clinic() as clinic:
        posts = clinic.seed(1)
        clinic.start_server()
        monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "alliance.web.settings")
        monkeypatch.setenv("ALLIANCE_SECRET_KEY", clinic.env["ALLIANCE_SECRET_KEY"])
        with background_worker(clinic.folder) as worker:
            load = post_all(
                clinic.port, posts, csrf=csrf_cookie(clinic.port), expect=b"/thanks/", threads=1
            )
            deadline = time.monotonic() + 60
            while clinic.count(WAITING) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert worker.poll() is None
        assert load.ok == 1 and clinic.count(WAITING) == 0
        assert clinic.count("SELECT COUNT(*) FROM clinic_response") == 3
        assert worker.poll() is not None
