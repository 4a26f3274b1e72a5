"""A follow-up that did other clients' waiting work marks their queued follow-ups done, so the
worker does not claim each one to find nothing; a task queued after its work was read, a task
of a client left out, and a task of a client whose follow-up failed are left to run."""

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from alliance.web.followup import queued, run
from alliance.web.followup.models import PendingFollowUp
from alliance.web.followup.tasks import follow_up
from tests.web.checkin_helpers import submit_checkin

from .conftest import strained_checkin


def _clients(make_client, theo, n: int) -> list:
    clients = [make_client(theo, code=f"C-{n:02d}", sessions=6) for n in range(n)]
    for client in clients:
        submit_checkin(client, 1, rating=8)  # each queues its follow-up
    return clients


def _statuses() -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for status, arguments in DBTaskResult.objects.values_list("status", "args_kwargs"):
        found.setdefault(arguments["args"][0], set()).add(status)
    return found


def test_one_run_marks_the_follow_ups_it_did_done(queued_tasks, make_client, theo):
    clients = _clients(make_client, theo, 3)
    assert follow_up.call(clients[0].pk) == "done"
    assert run.waiting_clients() == []
    results = DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL)
    assert set(results.values_list("return_value", flat=True)) == {queued.DONE_ELSEWHERE}
    assert results.count() == 3  # the one that ran is marked by the worker itself, not here


def test_the_worker_claims_one_follow_up_for_a_batch_of_clients(worker, make_client, theo):
    clients = _clients(make_client, theo, 3)
    worker()
    found = DBTaskResult.objects.values_list("return_value", flat=True)
    assert sorted(found) == sorted(["done", queued.DONE_ELSEWHERE, queued.DONE_ELSEWHERE])
    assert _statuses() == {client.pk: {TaskResultStatus.SUCCESSFUL} for client in clients}
    assert not PendingFollowUp.objects.exists()


def test_a_task_queued_after_the_work_was_read_stays_ready(
    queued_tasks, monkeypatch, make_client, theo, steady_client
):
    later = make_client(theo, code="C-LATER", sessions=6)
    real = run.follow_up_waiting

    def answers_arrive_meanwhile(client_ids):
        outcome = real(client_ids)
        submit_checkin(later, 1, rating=8)  # its task and marker commit after the read
        return run.Outcome(outcome.ok, outcome.done | {later.pk})

    monkeypatch.setattr("alliance.web.followup.tasks.follow_up_waiting", answers_arrive_meanwhile)
    follow_up.call(steady_client.pk)
    assert _statuses()[later.pk] == {TaskResultStatus.READY}
    assert run.waiting_clients() == [later.pk]


def test_a_client_left_out_of_the_batch_keeps_its_task(
    queued_tasks, monkeypatch, make_client, theo
):
    monkeypatch.setattr(run, "batch_size", lambda: 2)
    clients = _clients(make_client, theo, 3)
    follow_up.call(clients[0].pk)
    left = [c.pk for c in clients if _statuses()[c.pk] == {TaskResultStatus.READY}]
    assert left == run.waiting_clients() and len(left) == 1


@pytest.mark.django_db
def test_a_client_whose_follow_up_failed_keeps_its_task(
    queued_tasks, monkeypatch, make_client, theo, steady_client
):
    other = make_client(theo, code="C-OTHER", sessions=6)
    submit_checkin(other, 1, rating=8)
    strained_checkin(steady_client)

    def fails_for_the_other(follow_up) -> None:
        if follow_up.client.pk == other.pk:
            raise RuntimeError("a step broke")

    real = run.steps
    monkeypatch.setattr(
        run,
        "steps",
        lambda stage: [*real(stage), *([fails_for_the_other] if stage == run.ANALYSE else [])],
    )
    follow_up.call(steady_client.pk)
    assert TaskResultStatus.READY in _statuses()[other.pk]
    assert run.waiting_clients() == [other.pk]
