"""A follow-up never costs a check-in: a failing step is rolled back alone and retried later, and
two follow-ups of one client (a check-in and the therapist's form, or two server processes) take
turns on the client's row, so a rupture is stored once."""

import datetime as dt
import threading

import pytest
import time_machine
from django.db import IntegrityError, connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance.web.clinic.models import CheckinSubmission, Response, Rupture
from alliance.web.followup import run
from alliance.web.followup.models import PendingFollowUp
from alliance.web.followup.steps import ANALYSE, STORE, steps

from .conftest import strained_checkin


def _duplicate_rupture(follow_up) -> None:
    raise IntegrityError("duplicate key value violates unique constraint")


def _with_analysis(monkeypatch, *added) -> None:
    real = steps
    monkeypatch.setattr(
        run, "steps", lambda stage: [*real(stage), *added] if stage == ANALYSE else real(stage)
    )


def test_a_failing_step_never_loses_the_checkin_and_keeps_the_marker(monkeypatch, steady_client):
    _with_analysis(monkeypatch, _duplicate_rupture)
    page = strained_checkin(steady_client)
    assert page.status_code == 200 and b"Thank you" in page.content
    assert Response.objects.filter(session__number=5).count() == 3
    assert not Rupture.objects.exists()  # the whole follow-up was rolled back, every try
    marker = PendingFollowUp.objects.get()
    assert marker.failed_attempts == 5 and marker.last_error.startswith("IntegrityError")


def test_a_follow_up_locks_the_client_row_before_anything_else(queued_tasks, steady_client):
    strained_checkin(steady_client)
    with CaptureQueriesContext(connection) as queries:
        assert run.follow_up_client(steady_client.pk)
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    lock = next(n for n, sql in enumerate(selects) if "clinic_client" in sql)
    kept = next(n for n, sql in enumerate(selects) if '"clinic_checkinsubmission"."answers"' in sql)
    assert lock < kept  # what is waiting may be looked at first, but not read to be stored
    assert ("FOR NO KEY UPDATE" in selects[lock]) == connection.features.has_select_for_update


def test_a_second_follow_up_of_the_same_answers_stores_nothing_twice(queued_tasks, steady_client):
    strained_checkin(steady_client)
    PendingFollowUp.objects.create(
        client=steady_client, session=steady_client.sessions.get(number=5), source="therapist"
    )
    assert run.follow_up_client(steady_client.pk) and run.follow_up_client(steady_client.pk)
    assert Rupture.objects.count() == 1 and not PendingFollowUp.objects.exists()


def _follow_up_in_a_thread(client_id: int, results: list, start: threading.Barrier) -> None:
    try:
        start.wait(timeout=10)
        results.append(run.follow_up_client(client_id))
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_two_follow_ups_racing_for_one_client_store_one_rupture(steady_client):
    strained_checkin(steady_client)
    Rupture.objects.all().delete()  # as if neither racer had run yet
    PendingFollowUp.objects.create(
        client=steady_client, session=steady_client.sessions.get(number=5), source="client"
    )
    if not connection.features.has_select_for_update:
        # SQLite: every transaction takes the write lock when it begins, so follow-ups queue;
        # the in-memory test database cannot hold two writers to race
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert run.follow_up_client(steady_client.pk) and run.follow_up_client(steady_client.pk)
    else:
        assert _race(steady_client.pk) == [True, True]
    assert Rupture.objects.count() == 1 and not PendingFollowUp.objects.exists()


def _race(client_id: int) -> list[bool]:
    results: list[bool] = []
    start = threading.Barrier(2)
    racers = [
        threading.Thread(target=_follow_up_in_a_thread, args=(client_id, results, start))
        for _ in range(2)
    ]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(timeout=30)
    return results


def test_a_checkin_that_cannot_be_stored_is_kept_counted_and_stored_on_a_later_try(
    worker, monkeypatch, steady_client
):
    def broken(client_id):
        raise IntegrityError("a bug in storing")

    real = steps
    monkeypatch.setattr(run, "steps", lambda stage: [broken] if stage == STORE else real(stage))
    page = strained_checkin(steady_client)
    assert page.status_code == 200 and b"Thank you" in page.content
    worker()
    kept = CheckinSubmission.objects.get(session__number=5)
    assert kept.stored_at is None and kept.failed_attempts == 1
    monkeypatch.undo()  # the bug is fixed; the next try waits its delay
    worker()
    assert CheckinSubmission.objects.get(pk=kept.pk).stored_at is None
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=31)):
        worker()
    assert CheckinSubmission.objects.get(pk=kept.pk).stored_at is not None
    assert Response.objects.filter(session__number=5).count() == 3
    assert Rupture.objects.get().onset_session == 5
