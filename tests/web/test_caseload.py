import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.web.clinic.answers import store_answers

ALLIANCE = {str(n): 8 for n in range(1, 7)} | {"8": 0}
PHQ = {str(n): 1 for n in range(1, 9)} | {"9": 0}


def _checkins(client, *levels):
    for number, level in enumerate(levels, start=1):
        session = client.sessions.get(number=number)
        alliance = {**ALLIANCE, "1": level, "2": level}
        store_answers(session, {"alliance-checkin": alliance, "phq-9": PHQ}, respondent="client")


def _count_queries(user_client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert user_client.get(reverse("caseload")).status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer", ["theo", "sam"])
def test_the_caseload_takes_the_same_number_of_queries_for_5_and_50_clients(
    request, login, theo, make_client, viewer, django_assert_max_num_queries
):
    page = login(request.getfixturevalue(viewer))
    for _ in range(5):
        _checkins(make_client(theo, sessions=2), 8, 6)
    few = _count_queries(page)
    for _ in range(45):
        _checkins(make_client(theo, sessions=2), 7, 9)
    with django_assert_max_num_queries(few):
        html = page.get(reverse("caseload")).content.decode()
    assert html.count('<th scope="row">') == 50
    # session, user, pending follow-ups, the clinic's outcome instrument, clients, latest
    # responses, alerts, urgent alerts, teams, the clinic's history version, the
    # expected-recovery fit when that version is not cached, the latest check-in deliveries, and
    # the two-factor device with, for a therapist, the clinic's two-factor rule, and whether the
    # viewer supervises a team (the navigation's "Your team")
    assert few <= 16


def test_it_shows_the_latest_alliance_and_its_direction(login, theo, theos_client):
    theos_client.sessions.create(
        episode=theos_client.episodes.get(), number=2, date=theos_client.sessions.get().date
    )
    _checkins(theos_client, 9, 6)
    html = login(theo).get(reverse("caseload")).content.decode()
    assert "down 3" in html and "↓" in html
    assert '8 <span class="band">mild</span>' in html


def test_it_filters_by_search_and_sorts_by_query_parameters(login, theo, make_client):
    low, high = make_client(theo, code="C-LOW"), make_client(theo, code="C-HIGH")
    _checkins(low, 2)
    _checkins(high, 10)
    page = login(theo)
    html = page.get(reverse("caseload"), {"sort": "alliance"}).content.decode()
    assert html.index("C-LOW") < html.index("C-HIGH")
    html = page.get(reverse("caseload"), {"q": "HIGH"}).content.decode()
    assert "C-HIGH" in html and "C-LOW" not in html


def test_htmx_gets_only_the_table(login, theo, theos_client):
    html = login(theo).get(reverse("caseload"), HTTP_HX_REQUEST="true").content.decode()
    assert "<table" in html and "<html" not in html


def test_ended_clients_leave_the_caseload(login, theo, theos_client):
    theos_client.episodes.update(ended=theos_client.sessions.get().date, ending="completed")
    assert "C-THEO1" not in login(theo).get(reverse("caseload")).content.decode()


@pytest.mark.parametrize("sort", ["code", "alliance", "outcome", "last-session", "alerts", "x"])
def test_every_sort_works_with_missing_scores(login, theo, theos_client, make_client, sort):
    _checkins(make_client(theo, code="C-WITH"), 5)
    assert login(theo).get(reverse("caseload"), {"sort": sort}).status_code == 200
