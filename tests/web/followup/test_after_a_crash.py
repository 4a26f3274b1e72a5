"""In background mode the check-in only leaves a marker; when the worker never ran (the server
stopped first), the next page that shows alerts runs the follow-up before showing them."""

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.models import Alert, Response, Rupture
from alliance.web.followup.models import PendingFollowUp
from alliance.web.followup.run import catch_up
from tests.web.checkin_helpers import submit_checkin

from .conftest import strained_checkin


def test_the_checkin_leaves_a_marker_and_no_rupture_yet(settings, steady_client):
    settings.FOLLOW_UP = "background"  # the test's transaction never commits: the worker never runs
    assert b"Thank you" in strained_checkin(steady_client).content
    assert Response.objects.filter(session__number=5).count() == 3
    marker = PendingFollowUp.objects.get()
    assert (marker.session.number, marker.source) == (5, "client")
    assert not Rupture.objects.exists()


def test_the_urgent_alert_is_stored_with_the_checkin_not_in_the_follow_up(
        settings, steady_client):
    settings.FOLLOW_UP = "background"
    submit_checkin(steady_client, 5, **{"phq-9__9": "2"})
    assert Alert.objects.open().get(severity="urgent").kind == "risk-self-harm"
    assert PendingFollowUp.objects.filter(client=steady_client).exists()


def test_the_caseload_runs_pending_follow_ups_before_showing_alerts(
        settings, steady_client, login, theo):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    html = login(theo).get(reverse("caseload")).content.decode()
    assert Rupture.objects.get().onset_session == 5
    assert "Warning: possible rupture" in html
    assert not PendingFollowUp.objects.exists()


def test_the_client_page_runs_pending_follow_ups_before_showing_alerts(
        settings, steady_client, login, theo):
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
