"""Missed check-ins in a row raise one warning; an answered check-in closes it."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine

from alliance.web.clinic.models import Alert
from alliance.web.clinic.record import add_session
from alliance.web.delivery.models import DeliverySettings

pytestmark = pytest.mark.django_db(transaction=True)
START = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)


def _session_left_unanswered(client, theo, worker, week: int):
    at = START + dt.timedelta(weeks=week)
    with time_machine.travel(at, tick=False):
        add_session(client, date=at.date(), by=theo)
        worker.run_due()
    with time_machine.travel(at + dt.timedelta(hours=73), tick=False):
        worker.run_due()


def test_two_expired_check_ins_in_a_row_raise_one_warning(reachable, theo, smtp_server, worker):
    client = reachable()
    _session_left_unanswered(client, theo, worker, 0)
    assert not Alert.objects.exists()
    _session_left_unanswered(client, theo, worker, 1)
    _session_left_unanswered(client, theo, worker, 2)
    [alert] = Alert.objects.filter(kind="checkins-missed")
    assert alert.severity == "warning" and alert.message == "Missed 2 check-ins in a row"


def test_the_number_in_a_row_comes_from_the_settings(reachable, theo, smtp_server, worker):
    DeliverySettings.objects.create(clinic=theo.clinic, missed_in_a_row=3)
    client = reachable()
    for week in range(2):
        _session_left_unanswered(client, theo, worker, week)
    assert not Alert.objects.exists()
    _session_left_unanswered(client, theo, worker, 2)
    assert Alert.objects.get().message == "Missed 3 check-ins in a row"


def test_an_answered_check_in_closes_the_warning(
    reachable, theo, smtp_server, worker, client, valid_answers
):
    patient = reachable()
    for week in range(2):
        _session_left_unanswered(patient, theo, worker, week)
    at = START + dt.timedelta(weeks=3)
    with time_machine.travel(at, tick=False):
        add_session(patient, date=at.date(), by=theo)
        worker.run_due()
        url = smtp_server.links_to("client@example.org")[-1]
        client.post(urlsplit(url).path, valid_answers(patient))
        worker.run_due()  # the check-in's follow-up
    alert = Alert.objects.get(kind="checkins-missed")
    assert alert.closed_at is not None and "session 3" in alert.outcome
