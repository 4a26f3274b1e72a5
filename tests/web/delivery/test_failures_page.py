"""What failed in the background is shown to the staff: a check-in that could not be sent says
"failed (reason)" on the client page, and the clinic admin's failures page lists failed sends and
tasks that gave up, by client code only."""

import datetime as dt

import pytest
from django.db import IntegrityError
from django.urls import reverse

from alliance.web.accounts.models import Clinic, Role
from alliance.web.clinic.record import add_session
from alliance.web.delivery.models import Failure
from alliance.web.followup import run
from alliance.web.followup.steps import ANALYSE, steps
from tests.web.checkin_helpers import submit_checkin

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits, as in production
START = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)
GONE = "gone@example.org"


def _refused_send(reachable, theo, smtp_server, worker):
    smtp_server.refuse.add(GONE)
    client = reachable(email=GONE)
    add_session(client, date=START.date(), by=theo)
    worker.run_due()
    return client


def test_a_refused_send_says_failed_with_its_reason_on_the_client_page(
    reachable, theo, smtp_server, worker, login
):
    client = _refused_send(reachable, theo, smtp_server, worker)
    html = login(theo).get(reverse("client", args=[client.code])).content.decode()
    assert "status-failed" in html
    assert "(the mail server refused the address)" in html


def test_the_clinic_admin_sees_the_failed_send_by_client_code_only(
    reachable, theo, ada, smtp_server, worker, login
):
    client = _refused_send(reachable, theo, smtp_server, worker)
    page = login(ada).get(reverse("failures"))
    html = page.content.decode()
    assert page.status_code == 200
    assert client.code in html and "session 1 by email" in html
    assert "the mail server refused the address" in html
    assert GONE not in html and "gone@" not in html


def test_the_failures_page_is_the_clinic_admins_alone(theo, make_user, login, client):
    assert login(theo).get(reverse("failures")).status_code == 404
    elsewhere = Clinic.objects.create(name="Elsewhere")
    other_admin = make_user("olga", role=Role.ADMIN, clinic=elsewhere)
    Failure.objects.create(
        clinic=theo.clinic, kind="task", what="a task", reason="broke", client_code="C-X"
    )
    html = login(other_admin).get(reverse("failures")).content.decode()
    assert "C-X" not in html and "Nothing has failed." in html


def _step_that_quotes_an_address(follow_up) -> None:
    raise IntegrityError("duplicate key for someone@example.org at +44 7700 900123")


def test_a_follow_up_that_gave_up_is_listed_with_its_reason_blanked(
    monkeypatch, theo, ada, make_client, login
):
    real = steps
    monkeypatch.setattr(
        run,
        "steps",
        lambda stage: (
            [*real(stage), _step_that_quotes_an_address] if stage == ANALYSE else real(stage)
        ),
    )
    client = make_client(theo, code="C-GAVE-UP", sessions=2)
    assert submit_checkin(client, 1, rating=8).status_code == 200  # tasks run when queued
    [failure] = Failure.objects.all()
    assert failure.client_code == "C-GAVE-UP" and failure.kind == "task"
    html = login(ada).get(reverse("failures")).content.decode()
    assert "C-GAVE-UP" in html and "follow_up" in html and "IntegrityError" in html
    assert "someone@" not in html and "7700" not in html
    assert "[address]" in html and "[number]" in html


def test_the_therapist_sees_on_the_client_page_that_a_follow_up_failed(
    monkeypatch, theo, make_client, login
):
    real = steps
    monkeypatch.setattr(
        run,
        "steps",
        lambda stage: (
            [*real(stage), _step_that_quotes_an_address] if stage == ANALYSE else real(stage)
        ),
    )
    client = make_client(theo, code="C-SEEN", sessions=2)
    assert submit_checkin(client, 1, rating=8).status_code == 200
    html = login(theo).get(reverse("client", args=[client.code])).content.decode()
    assert "follow-up failed" in html
    assert "the analysis failed: IntegrityError" in html and "it is tried again by itself" in html
    assert "someone@" not in html
