"""Staff are logged out after 30 minutes without activity; any request counts as activity."""

import datetime as dt

import pytest
from django.urls import reverse


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
    return time_machine


def test_thirty_one_idle_minutes_log_the_user_out_with_a_message(login, theo, clock):
    session = login(theo)
    assert session.get(reverse("caseload")).status_code == 200
    clock.shift(dt.timedelta(minutes=31))
    page = session.get(reverse("caseload"), follow=True)
    assert page.redirect_chain[-1][0] == reverse("login")
    assert "logged out after 30 minutes idle" in page.text
    assert "_auth_user_id" not in session.session


def test_activity_keeps_the_login_alive(login, theo, clock):
    session = login(theo)
    for _ in range(4):
        clock.shift(dt.timedelta(minutes=20))
        assert session.get(reverse("caseload")).status_code == 200


def test_staying_logged_in_from_the_warning_counts_as_activity(login, theo, clock):
    session = login(theo)
    session.get(reverse("caseload"))
    clock.shift(dt.timedelta(minutes=29))
    assert session.post(reverse("still-here")).status_code == 204
    clock.shift(dt.timedelta(minutes=29))
    assert session.get(reverse("caseload")).status_code == 200


def test_an_htmx_request_after_the_timeout_sends_the_page_to_the_login(login, theo, clock):
    session = login(theo)
    session.get(reverse("caseload"))
    clock.shift(dt.timedelta(minutes=45))
    reply = session.get(reverse("caseload"), HTTP_HX_REQUEST="true")
    assert reply.status_code == 204 and reply["HX-Redirect"] == reverse("login")
