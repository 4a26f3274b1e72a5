"""The worker's SQLite commits do not wait for the disk; everyone else's still do. Each test
opens an SQLite database of its own, so it runs the same whatever database the suite is on."""

from __future__ import annotations

import pytest
from django.db.backends.signals import connection_created
from django.db.utils import ConnectionHandler

from alliance.cli.worker import SYNC_UID, commit_without_waiting_for_the_disk
from alliance.web.settings import SQLITE_OPTIONS

FULL, NORMAL = 2, 1


@pytest.fixture
def synchronous(tmp_path, django_db_blocker):
    """How a new connection to an SQLite database configured as the clinic's waits for the
    disk (SQLite's `PRAGMA synchronous`)."""

    def of_a_new_connection() -> int:
        probe = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "probe.sqlite3"),
            "OPTIONS": SQLITE_OPTIONS,
        }
        connection = ConnectionHandler({"default": probe})["default"]
        with django_db_blocker.unblock():  # a database of the test's own, not the suite's
            try:
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA synchronous")
                    return cursor.fetchone()[0]
            finally:
                connection.close()

    return of_a_new_connection


@pytest.fixture
def worker_commits():
    commit_without_waiting_for_the_disk()
    yield
    connection_created.disconnect(dispatch_uid=SYNC_UID)


def test_a_connection_waits_for_the_disk_by_default(synchronous):
    assert synchronous() == FULL


def test_the_workers_connections_do_not(synchronous, worker_commits):
    assert synchronous() == NORMAL


def test_asking_twice_connects_once(synchronous, worker_commits):
    commit_without_waiting_for_the_disk()
    assert len([r for r in connection_created.receivers if r[0][0] == SYNC_UID]) == 1
