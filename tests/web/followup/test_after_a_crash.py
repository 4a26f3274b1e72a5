"""In background mode the check-in only keeps the submission and leaves a marker; when the worker
never ran (the server stopped first), the next page that shows the client's record runs the
follow-up (storing the answers, then the analysis) before showing it."""

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.models import Alert, AuditEvent, CheckinSubmission, Response, Rupture
from alliance.web.followup import run, steps
from alliance.web.followup.models import PendingFollowUp
from alliance.web.followup.run import catch_up, follow_up_client, waiting_clients
from tests.web.checkin_helpers import submit_checkin

from .conftest import COMMENT, strained_checkin


def test_the_checkin_keeps_the_submission_and_nothing_else_yet(settings, steady_client):
    settings.FOLLOW_UP = "background"  # the test's transaction never commits: the worker never runs
    assert b"Thank you" in strained_checkin(steady_client).content
    kept = CheckinSubmission.objects.get(session__number=5)
    assert kept.stored_at is None
    assert kept.answers["alliance-checkin"]["7"] == COMMENT
    assert not Response.objects.filter(session__number=5).exists()
    assert not PendingFollowUp.objects.exists()
    assert not Rupture.objects.exists()
    assert waiting_clients() == [steady_client.pk]


def test_the_follow_up_stores_the_kept_answers_before_its_analysis(settings, steady_client):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    assert follow_up_client(steady_client.pk)
    stored = Response.objects.filter(session__number=5)
    assert sorted(stored.values_list("instrument", flat=True)) == [
        "alliance-checkin",
        "goal-progress",
        "phq-9",
    ]
    assert stored.get(instrument="alliance-checkin").submitted_at == (
        CheckinSubmission.objects.get(session__number=5).submitted_at
    )
    kept = CheckinSubmission.objects.get(session__number=5)
    assert kept.stored_at is not None and kept.link.used_at == kept.submitted_at
    assert Rupture.objects.get().onset_session == 5
    assert AuditEvent.objects.filter(action="checkin-submitted").count() == 5
    assert waiting_clients() == []


def test_a_failing_analysis_step_never_holds_back_the_answers(settings, monkeypatch, steady_client):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)

    def broken(follow_up):
        raise RuntimeError("a step that fails")

    monkeypatch.setattr(steps, "FOLLOW_UP_STEPS", [broken])
    monkeypatch.setattr(run, "FOLLOW_UP_STEPS", [broken])
    assert not follow_up_client(steady_client.pk)
    assert Response.objects.filter(session__number=5).count() == 3
    assert PendingFollowUp.objects.get().failed_attempts == 1


def test_the_urgent_alert_is_stored_with_the_checkin_not_in_the_follow_up(settings, steady_client):
    settings.FOLLOW_UP = "background"
    submit_checkin(steady_client, 5, **{"phq-9__9": "2"})
    assert Alert.objects.open().get(severity="urgent").kind == "risk-self-harm"
    assert Response.objects.filter(session__number=5).count() == 3
    assert CheckinSubmission.objects.get(session__number=5).stored_at is not None
    assert PendingFollowUp.objects.filter(client=steady_client).exists()


def test_the_caseload_runs_pending_follow_ups_before_showing_alerts(
    settings, steady_client, login, theo
):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    html = login(theo).get(reverse("caseload")).content.decode()
    assert Rupture.objects.get().onset_session == 5
    assert "Warning: possible rupture" in html
    assert not PendingFollowUp.objects.exists()


def test_the_client_page_runs_pending_follow_ups_before_showing_alerts(
    settings, steady_client, login, theo
):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    html = login(theo).get(reverse("client", args=[steady_client.code])).content.decode()
    assert Rupture.objects.get().alert is not None
    assert "At session 5 the alliance was 3.0 points below" in html
    assert not PendingFollowUp.objects.exists()


def test_catching_up_costs_one_query_when_nothing_is_pending(steady_client, theo):
    with CaptureQueriesContext(connection) as queries:
        catch_up(visible_clients(theo))
    assert len(queries.captured_queries) == 1


def test_the_drain_command_runs_every_pending_follow_up(settings, steady_client, capsys):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    call_command("run_follow_ups")
    assert "Followed up 1 client(s)." in capsys.readouterr().out
    assert Rupture.objects.get().alert is not None
    assert not PendingFollowUp.objects.exists()


def test_the_client_report_stores_waiting_checkins_before_showing_them(
    settings, steady_client, login, theo
):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    page = login(theo).get(reverse("client-report", args=[steady_client.code]))
    assert page.status_code == 200
    assert Response.objects.filter(session__number=5).count() == 3
    assert not PendingFollowUp.objects.exists()


def test_the_team_pages_store_their_clients_waiting_checkins_first(
    settings, steady_client, login, sam, theo
):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    assert login(sam).get(reverse("team")).status_code == 200
    assert CheckinSubmission.objects.get(session__number=5).stored_at is not None
    strained_checkin(steady_client, 6)
    assert login(sam).get(reverse("supervision-report", args=[theo.username])).status_code == 200
    assert CheckinSubmission.objects.get(session__number=6).stored_at is not None


def test_the_rupture_review_stores_waiting_checkins_that_may_close_it(
    settings, steady_client, login, theo
):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    follow_up_client(steady_client.pk)
    rupture = Rupture.objects.get()
    submit_checkin(steady_client, 6, rating=8)
    page = login(theo).get(reverse("rupture", args=[steady_client.code, rupture.pk]))
    assert page.status_code == 200
    rupture.refresh_from_db()
    assert (rupture.status, rupture.repair_session) == ("repaired", 6)
