"""Not on track raises one explained alert with a checklist; it acknowledges and snoozes like the
others and closes by itself when the client is back inside the expected range."""

import datetime as dt

from django.urls import reverse

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Alert, AlertKind
from alliance.web.outcome.alerts import follow_recovery
from tests.web.checkin_helpers import submit_checkin
from tests.web.outcome_helpers import alliance, phq, store_series


def _score(client, number: int, total: int, rating: int = 8) -> Alert | None:
    store_answers(
        client.sessions.get(number=number),
        {"phq-9": phq(total), "alliance-checkin": alliance(rating)},
        respondent="client",
    )
    return follow_recovery(client)


def test_it_raises_one_alert_however_long_the_client_stays_off_track(theo, make_client):
    client = make_client(theo, code="C-OFF", sessions=5)
    store_series(client, [20])
    assert _score(client, 2, 19) is None  # inside the band
    first = _score(client, 3, 24, rating=6)
    assert (
        first is not None and first.kind == AlertKind.NOT_ON_TRACK and first.severity == "warning"
    )
    assert _score(client, 4, 24) == first and _score(client, 5, 23) == first
    assert Alert.objects.filter(client=client, kind=AlertKind.NOT_ON_TRACK).count() == 1
    assert "above the expected range" in first.message and "session 3" in first.message
    assert "goal 6 (own average 7.3)" in first.explanation
    assert "default curve" in first.explanation  # a new clinic has too little history


def test_the_client_page_shows_the_alert_with_its_checklist(login, theo, make_client):
    client = make_client(theo, code="C-LIST", sessions=3)
    store_series(client, [20, 22])
    _score(client, 3, 24)
    html = login(theo).get(reverse("client", args=[client.code])).content.decode()
    assert "Not on track: PHQ-9 24 at session 3" in html
    for topic in ("The alliance, part by part.", "Motivation.", "Support.", "Life events."):
        assert topic in html


def test_an_acknowledged_alert_is_not_raised_again(login, theo, make_client):
    client = make_client(theo, code="C-ACK", sessions=4)
    store_series(client, [20, 22])
    alert = _score(client, 3, 24)
    login(theo).post(reverse("acknowledge-alert", args=[alert.pk]))
    alert.refresh_from_db()
    assert alert.acknowledged_by == theo
    _score(client, 4, 24)
    assert Alert.objects.filter(client=client, kind=AlertKind.NOT_ON_TRACK).count() == 1


def test_it_can_be_snoozed_like_other_warnings(login, theo, make_client):
    client = make_client(theo, code="C-SNZ", sessions=3)
    store_series(client, [20, 22])
    alert = _score(client, 3, 24)
    until = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    login(theo).post(reverse("snooze-alert", args=[alert.pk]), {"until": until})
    alert.refresh_from_db()
    assert alert.snoozed_until is not None
    assert not Alert.objects.open().filter(pk=alert.pk).exists()


def test_it_closes_when_the_client_is_back_on_track_and_can_come_again(theo, make_client):
    client = make_client(theo, code="C-BACK", sessions=5)
    store_series(client, [20, 22])
    alert = _score(client, 3, 24)
    assert _score(client, 4, 12) is None
    alert.refresh_from_db()
    assert alert.closed_at is not None and alert.outcome.startswith("Back on track")
    again = _score(client, 5, 24)
    assert again is not None and again.pk != alert.pk


def test_a_real_checkin_runs_the_check(theo, make_client, django_capture_on_commit_callbacks):
    client = make_client(theo, code="C-REAL", sessions=3)
    store_series(client, [20, 22])
    worst = {f"phq-9__{n}": "3" for n in range(1, 9)}
    with django_capture_on_commit_callbacks(execute=True):
        assert submit_checkin(client, 3, **worst).status_code == 200
    assert Alert.objects.filter(client=client, kind=AlertKind.NOT_ON_TRACK).count() == 1


def test_the_client_page_shows_the_projected_change_beside_the_status(login, theo, make_client):
    client = make_client(theo, code="C-PROJ", sessions=3)
    store_series(client, [20, 18])
    _score(client, 3, 17)
    html = login(theo).get(reverse("client", args=[client.code])).content.decode()
    assert "The course so far points to a change of" in html
    assert 'class="projected">' in html
