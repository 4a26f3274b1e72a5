"""Every kind of alert, raised by its own raiser on seeded clients of Theo's."""

from __future__ import annotations

import pytest

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Alert, Client
from alliance.web.delivery.missed import check_missed
from alliance.web.delivery.models import Delivery, Status
from alliance.web.outcome.alerts import follow_recovery
from tests.web.api_helpers import api, token_for  # noqa: F401 (fixtures)
from tests.web.checkin_helpers import submit_checkin
from tests.web.i18n.languages import speak_the_site_languages
from tests.web.outcome_helpers import alliance, phq, store_series
from tests.web.summary_helpers import store_and_follow_up
from tests.web.task_helpers import client_with_a_diary

CONCERN = "Writing it down every morning makes me anxious."
COMMENT = "I did not feel heard today."
BOND_LOW = {"alliance-checkin__5": "4", "alliance-checkin__6": "4"}


def _risk_client(make_client, theo) -> Client:
    """Session 2: self-harm, something felt off, a drop and a low alliance; session 3: the
    self-harm question left unanswered."""
    client = make_client(theo, code="C-RISK", sessions=3)
    answers = [
        {"alliance-checkin": alliance(8), "phq-9": phq(6)},
        {"alliance-checkin": alliance(5) | {"8": 2}, "phq-9": phq(6) | {"9": 1}},
        {"phq-9": {key: value for key, value in phq(6).items() if key != "9"}},
    ]
    for number, given in enumerate(answers, start=1):
        store_and_follow_up(client.sessions.get(number=number), given)
    return client


def _rupture_client(make_client, theo) -> Client:
    client = client_with_a_diary(make_client, theo, code="C-RUPT", sessions=6)
    for number in range(1, 5):
        submit_checkin(client, number, rating=8)
    submit_checkin(client, 5, rating=8, felt_off=1, comment=COMMENT, concern=CONCERN, **BOND_LOW)
    return client


def _task_client(make_client, theo) -> Client:
    client = client_with_a_diary(make_client, theo, code="C-TASK", sessions=1)
    submit_checkin(client, 1, agreement=3, understanding=6, concern=CONCERN)
    return client


def _off_track_client(make_client, theo) -> Client:
    client = make_client(theo, code="C-OFF", sessions=3)
    store_series(client, [20, 22])
    store_answers(
        client.sessions.get(number=3),
        {"phq-9": phq(24), "alliance-checkin": alliance(8)},
        respondent="client",
    )
    follow_recovery(client)
    return client


def _missed_client(make_client, theo) -> Client:
    client = make_client(theo, code="C-MISS", sessions=2)
    for session in client.sessions.all():
        Delivery.objects.create(session=session, channel="email", status=Status.EXPIRED)
    check_missed(client)
    return client


@pytest.fixture
def every_kind(make_client, theo) -> dict[str, Alert]:
    """{kind: its open alert}, each raised the way the clinic raises it."""
    for make in (_risk_client, _rupture_client, _task_client, _off_track_client, _missed_client):
        make(make_client, theo)
    found = {alert.kind: alert for alert in Alert.objects.open().select_related("client")}
    assert len(found) == Alert.objects.open().count(), "one open alert of each kind"
    return found


@pytest.fixture
def languages(settings):
    speak_the_site_languages(settings)
