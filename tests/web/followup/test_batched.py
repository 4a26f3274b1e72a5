"""Under load one follow-up takes the other waiting clients with it: their science is prepared
outside any transaction (on PostgreSQL in groups, the expected course in bulk; on SQLite one
client at a time, so the check-in submits get the write lock between them), each client is
still written in its own short transaction, and a client that failed before waits for its own
retry."""

import pytest
from django.db.models import Count
from django_tasks_db.models import DBTaskResult

from alliance.web.clinic.models import Alert, AlertKind, CheckinSubmission, Response, Rupture
from alliance.web.followup import run
from alliance.web.followup.models import PendingFollowUp
from alliance.web.followup.steps import ANALYSE, PREPARE, steps
from alliance.web.outcome.alerts import PREPARED, place
from tests.web.checkin_helpers import submit_checkin
from tests.web.outcome_helpers import store_series

from .conftest import strained_checkin


@pytest.fixture
def batched(monkeypatch):
    """Groups prepared together on either database (SQLite itself prepares one at a time)."""
    monkeypatch.setattr(run, "group_size", lambda: run.BATCH)


def _three_strained(make_client, theo, steady_client) -> list:
    clients = [steady_client]
    for code in ("C-TWO", "C-THREE"):
        client = make_client(theo, code=code, sessions=6)
        for number in range(1, 5):
            submit_checkin(client, number, rating=8)
        clients.append(client)
    return clients


def test_one_follow_up_does_the_waiting_work_of_every_client(
    batched, queued_tasks, make_client, theo, steady_client
):
    clients = _three_strained(make_client, theo, steady_client)  # their first four are queued
    for client in clients:
        strained_checkin(client)
    assert run.follow_up_client(clients[0].pk)
    assert run.waiting_clients() == []
    for client in clients:
        assert Response.objects.filter(client=client, session__number=5).count() == 3
        assert Rupture.objects.get(client=client).onset_session == 5
    assert not CheckinSubmission.objects.filter(stored_at__isnull=True).exists()


def test_the_tasks_of_the_clients_already_followed_up_find_nothing_to_do(
    batched, worker, make_client, theo, steady_client
):
    clients = _three_strained(make_client, theo, steady_client)
    for client in clients:
        strained_checkin(client)
    worker()
    statuses = DBTaskResult.objects.values("status").annotate(n=Count("id"))
    assert {row["status"] for row in statuses} == {"SUCCESSFUL"}
    assert Alert.objects.filter(kind=AlertKind.RUPTURE).values("client").distinct().count() == 3
    assert not PendingFollowUp.objects.exists()


def test_a_client_that_failed_before_waits_for_its_own_retry(
    batched, queued_tasks, make_client, theo, steady_client
):
    clients = _three_strained(make_client, theo, steady_client)
    failed = clients[2]
    CheckinSubmission.objects.filter(client=failed).update(failed_attempts=1)  # a try failed
    assert run.follow_up_client(clients[0].pk)
    assert run.waiting_clients() == [failed.pk]


def test_on_either_database_a_follow_up_takes_the_other_waiting_clients(
    queued_tasks, make_client, theo, steady_client
):
    clients = _three_strained(make_client, theo, steady_client)
    assert run.batch_size() == run.BATCH
    assert run.follow_up_client(clients[1].pk)
    assert run.waiting_clients() == []


def test_the_expected_course_placed_in_bulk_is_each_clients_own(queued_tasks, make_client, theo):
    clients = [make_client(theo, sessions=4) for _ in range(4)]
    for client, totals in zip(clients, ([20, 18, 15, 12], [9, 9, 10], [15, 17], [22]), strict=True):
        store_series(client, totals)
        PendingFollowUp.objects.create(
            client=client, session=client.sessions.get(number=len(totals)), source="client"
        )
    prepared = run._prepared([client.pk for client in clients])
    for client in clients:
        assert prepared[client.pk].prepared[PREPARED] == place(client)
    assert [prepared[c.pk].prepared[PREPARED][0] is None for c in clients] == [
        False,
        False,
        False,
        True,  # one score: no course yet
    ]


def test_what_was_prepared_is_dropped_when_answers_arrive_before_the_write(
    queued_tasks, monkeypatch, steady_client
):
    strained_checkin(steady_client)
    run.follow_up_client(steady_client.pk)  # everything up to session 5 followed up
    Rupture.objects.all().delete()
    PendingFollowUp.objects.create(
        client=steady_client, session=steady_client.sessions.get(number=5), source="client"
    )
    seen: list[dict] = []

    def answers_arrive(follow_ups) -> None:
        for follow_up in follow_ups:
            PendingFollowUp.objects.create(
                client=follow_up.client, session=follow_up.sessions[-1], source="therapist"
            )

    def spy(follow_up) -> None:
        seen.append(dict(follow_up.prepared))

    real = steps
    added = {PREPARE: [answers_arrive], ANALYSE: [spy]}
    monkeypatch.setattr(run, "steps", lambda stage: [*real(stage), *added.get(stage, [])])
    assert run.follow_up_client(steady_client.pk)
    assert seen == [{}]  # computed again inside the transaction, over what is there now
    assert Rupture.objects.get().onset_session == 5
    assert not PendingFollowUp.objects.exists()
