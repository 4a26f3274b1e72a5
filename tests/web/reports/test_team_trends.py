"""The team's trends over time: by calendar month the client-rated alliance, the outcome and the
repair rate, with the counts each month rests on, for the team or one of its therapists."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Rupture
from tests.web.i18n.languages import speak_the_site_languages
from tests.web.outcome_helpers import alliance, phq

TODAY = dt.datetime(2026, 3, 15, 12, tzinfo=dt.UTC)
URL = "/team/trends/"


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


def _answered(client, ratings: list[int], totals: list[int]) -> None:
    """Session n (weekly from Monday 5 January 2026) gets rating ratings[n-1], PHQ-9 totals[n-1]."""
    for number, (rating, total) in enumerate(zip(ratings, totals, strict=True), start=1):
        answers = {"alliance-checkin": alliance(rating), "phq-9": phq(total)}
        store_answers(client.sessions.get(number=number), answers, respondent="client")


def _rupture(client, onset: int, status: str) -> None:
    Rupture.objects.create(
        client=client,
        onset_session=onset,
        lowest_session=onset,
        last_session=onset,
        rule="drop",
        status=status,
    )


def _row(html: str, month: str) -> list[str]:
    """The cells of the table row headed by this month ("Jan 2026")."""
    found = re.search(rf'<th scope="row">{month}</th>(.*?)</tr>', html, re.S)
    assert found, month
    return re.findall(r"<td>(.*?)</td>", found.group(1))


@pytest.fixture
def team_history(make_client, make_user, theo, cora, theos_team):
    """Theo's client answered four sessions in January and four in February; Tia's client
    answered in February; Cora, in another team, answered too and must never count."""
    mine = make_client(theo, code="C-THEO1", sessions=8)
    _answered(mine, [6, 6, 8, 8, 9, 9, 9, 9], [20, 18, 16, 14, 12, 10, 10, 10])
    tia = make_user("tia", team=theos_team, first_name="Tia", last_name="Marsh")
    hers = make_client(tia, code="C-TIA01", sessions=5)
    _answered(hers, [3, 3, 3, 3, 3], [24, 24, 24, 24, 24])
    _answered(make_client(cora, code="C-CORA1", sessions=4), [0, 0, 0, 0], [27, 27, 27, 27])
    for onset, status in ((2, "repaired"), (3, "unrepaired"), (6, "open")):
        _rupture(mine, onset, status)
    _rupture(hers, 5, "repaired")  # her session 5 is on 2 February
    return mine, hers


def test_each_month_shows_the_alliance_the_outcome_the_repair_rate_and_their_counts(
    login, sam, team_history
):
    html = login(sam).get(URL).content.decode()
    # January: Theo's client and Tia's first four sessions; Cora's answers are not the team's.
    assert _row(html, "Jan 2026") == [
        "2", "8", "5.0", "5.0", "5.0", "5.0", "20.5", "8", "2", "2", "1", "50%"
    ]  # fmt: skip
    assert _row(html, "Feb 2026") == [
        "2", "5", "7.8", "7.8", "7.8", "7.8", "13.2", "5", "2", "1", "1", "100%"
    ]  # fmt: skip
    assert _row(html, "Mar 2026") == ["0", "0", "-", "-", "-", "-", "-", "0", "0", "0", "0", "-"]
    assert "Dec 2025" not in html  # the table starts at the first month with a check-in
    assert "PHQ-9 (lower is better)" in html


def test_the_therapist_chooser_narrows_the_trends_to_one_therapist(login, sam, team_history):
    html = login(sam).get(URL, {"therapist": "tia"}).content.decode()
    assert _row(html, "Jan 2026")[:3] == ["1", "4", "3.0"]
    assert _row(html, "Feb 2026")[-4:] == ["1", "1", "1", "100%"]
    assert '<option value="tia" selected>Tia Marsh</option>' in html
    assert "The clients of Tia Marsh" in html


def test_a_therapist_outside_the_team_is_not_chosen_but_the_whole_team_shown(
    login, sam, team_history
):
    html = login(sam).get(URL, {"therapist": "cora"}).content.decode()
    assert _row(html, "Jan 2026")[:2] == ["2", "8"]
    assert "The clients of your team" in html and " selected>" not in html


def test_the_charts_carry_titles_descriptions_legends_and_hollow_thin_months(
    login, sam, team_history
):
    html = login(sam).get(URL).content.decode()
    for chart in ("trend-alliance", "trend-outcome", "trend-repair"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
        assert f'<desc id="{chart}-desc">' in html
    assert html.count('aria-label="Key to the chart"') == 3
    assert "</svg>Bond</li>" in html and "</svg>Mean PHQ-9</li>" in html
    assert "Hollow point: fewer than 3 decided ruptures that month" in html
    assert 'fill="#fff"' in html  # March has no check-in, February's repair rate rests on one


def test_the_trends_take_the_same_queries_for_one_client_or_many(login, sam, theo, make_client):
    session = login(sam)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert session.get(URL).status_code == 200
        return len(captured)

    first = make_client(theo, code="C-ONE", sessions=2)
    _answered(first, [7, 7], [10, 10])
    _rupture(first, 2, "repaired")
    queries()  # the login's first page does a little more, once
    few = queries()
    for n in range(4):
        more = make_client(theo, code=f"C-MORE{n}", sessions=6)
        _answered(more, [5, 6, 7, 8, 9, 9], [20, 18, 15, 12, 9, 8])
        _rupture(more, 3, "unrepaired")
    assert queries() == few


def test_a_team_without_check_ins_says_so(login, sam, theo):
    html = login(sam).get(URL).content.decode()
    assert "No check-ins or ruptures from these clients in the last 24 months yet." in html
    assert "trend-alliance" not in html and '<table class="trends">' not in html


def test_the_team_page_links_to_the_trends(login, sam, theo):
    html = login(sam).get(reverse("team")).content.decode()
    assert f'<a href="{URL}">Your team over time</a>' in html


@pytest.mark.parametrize("persona", ["theo", "cora", "ada", "pia"])
def test_only_the_teams_supervisor_sees_the_trends(request, login, theo, persona):
    assert login(request.getfixturevalue(persona)).get(URL).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_trends_are_in_spanish_for_a_spanish_browser(settings, login, sam, team_history):
    speak_the_site_languages(settings)
    html = login(sam).get(URL, headers={"accept-language": "es"}).content.decode()
    assert "Su equipo a lo largo del tiempo" in html and "Los clientes de su equipo" in html
    assert "Tasa de reparación" in html and "Alianza (todos los ítems)" in html
    assert "Valoración media (0-10)" in html and ">Ene<" in html and _row(html, "Ene 2026")
    assert "Your team over time" not in html and "Mean rating" not in html
