"""The check-in keeps the submission and queues its follow-up in the same transaction; the
worker then stores the answers and runs the analysis. Until it has, nothing else runs them: the
pages show what is stored."""

from django.urls import reverse

from alliance.web.clinic.models import Alert, AuditEvent, CheckinSubmission, Response, Rupture
from alliance.web.followup import run
from alliance.web.followup.models import PendingFollowUp
from alliance.web.followup.run import requeue_waiting, waiting_clients
from alliance.web.followup.steps import ANALYSE, steps
from tests.web.checkin_helpers import submit_checkin
from tests.web.worker_helpers import queued_tasks_by_status

from .conftest import COMMENT, strained_checkin


def test_the_checkin_keeps_the_submission_and_queues_its_follow_up(queued_tasks, steady_client):
    assert b"Thank you" in strained_checkin(steady_client).content
    kept = CheckinSubmission.objects.get(session__number=5)
    assert kept.stored_at is None
    assert kept.answers["alliance-checkin"]["7"] == COMMENT
    assert not Response.objects.filter(session__number=5).exists()
    assert not Rupture.objects.exists()
    assert waiting_clients() == [steady_client.pk]
    assert queued_tasks_by_status() == {"READY": 1}


def test_the_worker_stores_the_kept_answers_before_its_analysis(worker, steady_client):
    strained_checkin(steady_client)
    worker()
    stored = Response.objects.filter(session__number=5)
    assert sorted(stored.values_list("instrument", flat=True)) == [
        "alliance-checkin",
        "goal-progress",
        "phq-9",
    ]
    kept = CheckinSubmission.objects.get(session__number=5)
    assert stored.get(instrument="alliance-checkin").submitted_at == kept.submitted_at
    assert kept.stored_at is not None and kept.link.used_at == kept.submitted_at
    assert Rupture.objects.get().onset_session == 5
    assert AuditEvent.objects.filter(action="checkin-submitted").count() == 5
    assert waiting_clients() == []
    assert queued_tasks_by_status() == {"SUCCESSFUL": 1}


def test_a_failing_analysis_step_never_holds_back_the_answers(worker, monkeypatch, steady_client):
    strained_checkin(steady_client)

    def broken(follow_up):
        raise RuntimeError("a step that fails")

    real = steps
    monkeypatch.setattr(run, "steps", lambda stage: [broken] if stage == ANALYSE else real(stage))
    worker()
    assert Response.objects.filter(session__number=5).count() == 3
    marker = PendingFollowUp.objects.get()
    assert marker.failed_attempts == 1 and marker.last_error == "RuntimeError: a step that fails"
    assert queued_tasks_by_status() == {"FAILED": 1, "READY": 1}  # the retry waits its delay


def test_the_urgent_alert_is_stored_with_the_checkin_not_in_the_follow_up(
    queued_tasks, steady_client
):
    submit_checkin(steady_client, 5, **{"phq-9__9": "2"})
    assert Alert.objects.open().get(severity="urgent").kind == "risk-self-harm"
    assert Response.objects.filter(session__number=5).count() == 3
    assert CheckinSubmission.objects.get(session__number=5).stored_at is not None
    assert PendingFollowUp.objects.filter(client=steady_client).exists()


def test_a_page_view_runs_no_follow_up(queued_tasks, steady_client, login, theo):
    strained_checkin(steady_client)
    client_page = login(theo).get(reverse("client", args=[steady_client.code]))
    assert client_page.status_code == 200
    assert login(theo).get(reverse("caseload")).status_code == 200
    assert waiting_clients() == [steady_client.pk] and not Rupture.objects.exists()


def test_a_worker_that_starts_queues_again_what_a_killed_worker_left_running(worker, steady_client):
    from django_tasks_db.models import DBTaskResult

    strained_checkin(steady_client)
    DBTaskResult.objects.update(status="RUNNING")  # claimed by a worker that was then killed
    worker()
    assert waiting_clients() == [steady_client.pk]  # the queue never runs a claimed task again
    assert requeue_waiting() == 1
    worker()
    assert waiting_clients() == [] and Rupture.objects.get().onset_session == 5
    assert Response.objects.filter(session__number=5).count() == 3


def test_queuing_again_with_nothing_waiting_queues_nothing(queued_tasks, steady_client):
    assert requeue_waiting() == 0
    assert queued_tasks_by_status() == {}
