"""A follow-up never costs a check-in: a failing step is rolled back alone and retried later, and
two follow-ups of one client (a check-in and the therapist's form, or two server processes) take
turns on the client's row, so a rupture is stored once."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, connections
from django.test.utils import CaptureQueriesContext

from alliance.web.clinic.models import CheckinSubmission, Response, Rupture
from alliance.web.followup import run
from alliance.web.followup.models import PendingFollowUp
from alliance.web.followup.steps import FOLLOW_UP_STEPS

from .conftest import strained_checkin


def _duplicate_rupture(follow_up) -> None:
    raise IntegrityError("duplicate key value violates unique constraint")


def test_a_failing_step_never_loses_the_checkin_and_keeps_the_marker(monkeypatch, steady_client):
    monkeypatch.setattr(run, "FOLLOW_UP_STEPS", [*FOLLOW_UP_STEPS, _duplicate_rupture])
    page = strained_checkin(steady_client)
    assert page.status_code == 200 and b"Thank you" in page.content
    assert Response.objects.filter(session__number=5).count() == 3
    assert not Rupture.objects.exists()  # the whole follow-up was rolled back
    marker = PendingFollowUp.objects.get()
    assert marker.failed_attempts == 1 and marker.last_error.startswith("IntegrityError")


def test_after_three_failures_only_the_drain_command_tries_again(monkeypatch, steady_client):
    monkeypatch.setattr(run, "FOLLOW_UP_STEPS", [_duplicate_rupture])
    strained_checkin(steady_client)
    PendingFollowUp.objects.update(failed_attempts=run.MAX_ATTEMPTS)
    run.catch_up(type(steady_client).objects.all())
    assert PendingFollowUp.objects.get().failed_attempts == run.MAX_ATTEMPTS
    with pytest.raises(CommandError, match="1 client"):
        call_command("run_follow_ups")
    assert PendingFollowUp.objects.get().failed_attempts == run.MAX_ATTEMPTS + 1


def test_a_follow_up_locks_the_client_row_before_anything_else(settings, steady_client):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    with CaptureQueriesContext(connection) as queries:
        assert run.follow_up_client(steady_client.pk)
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert "clinic_client" in selects[0]
    assert ("FOR UPDATE" in selects[0]) == connection.features.has_select_for_update


def test_a_second_follow_up_of_the_same_answers_stores_nothing_twice(settings, steady_client):
    settings.FOLLOW_UP = "background"
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


def test_a_checkin_that_cannot_be_stored_is_kept_counted_and_left_to_the_drain(
    monkeypatch, steady_client
):
    def broken(client_id):
        raise IntegrityError("a bug in storing")

    monkeypatch.setattr(run, "store_waiting_submissions", broken)
    page = strained_checkin(steady_client)
    assert page.status_code == 200 and b"Thank you" in page.content
    kept = CheckinSubmission.objects.get(session__number=5)
    assert kept.stored_at is None and kept.failed_attempts == 1
    for _ in range(run.MAX_ATTEMPTS):
        run.catch_up(type(steady_client).objects.all())
    assert CheckinSubmission.objects.get(pk=kept.pk).failed_attempts == run.MAX_ATTEMPTS
    monkeypatch.undo()
    assert run.drain() == (1, 0)
    assert CheckinSubmission.objects.get(pk=kept.pk).stored_at is not None
    assert Response.objects.filter(session__number=5).count() == 3
