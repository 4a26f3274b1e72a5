"""The team page reads its order off the summaries' own columns and indexes and its therapists'
figures from the clinic's stored sums: what it shows is what sorting and adding up the team's
summaries in plain Python gives, in every order, on every page, and after every change."""

import math

import pytest
from django.urls import reverse

from alliance.web.caseload.models import ClientSummary
from alliance.web.caseload.query import PAGE_SIZE, SORTS
from alliance.web.clinic.models import Episode
from tests.web.outcome_helpers import alliance, phq
from tests.web.summary_helpers import store_and_follow_up

KEYS = {  # each sort of the list as a Python key over a summary (None last, then code)
    "alerts": lambda s: (-s.urgent_alerts, -s.open_alerts),
    "code": lambda s: (),
    "alliance": lambda s: _low_first(s.alliance),
    "goal": lambda s: _low_first(s.goal),
    "task": lambda s: _low_first(s.task),
    "bond": lambda s: _low_first(s.bond),
    "change": lambda s: _low_first(s.alliance_change),
    "outcome": lambda s: _high_first(s.outcome),
    "track": lambda s: (-(s.track == "not-on-track"), *_high_first(s.outcome)),
    "last-session": lambda s: _low_first(s.last_session.toordinal() if s.last_session else None),
}


def _low_first(value) -> tuple:
    return (value is None, value if value is not None else 0)


def _high_first(value) -> tuple:
    return (value is None, -value if value is not None else 0)


def _rows(html: str) -> list[str]:
    return [part.split("/")[0] for part in html.split('<th scope="row"><a href="/clients/')[1:]]


@pytest.fixture
def team_clinic(make_client, theo, cora, make_user, theos_team):
    """Two therapists in Sam's team with 60 clients between them of varied histories (and
    Cora outside it): ratings 1 to 10, some with a risk answer, some ended, most with none."""
    nina = make_user("nina", team=theos_team)
    for n in range(60):
        client = make_client(theo if n % 3 else nina, code=f"C-{(n * 37) % 101:03d}")
        if n % 5 == 1:
            answers = {"alliance-checkin": alliance(1 + n % 10), "phq-9": phq(n % 25)}
            answers["phq-9"] |= {"9": 1 if n % 20 == 1 else 0}
            store_and_follow_up(client.sessions.get(number=1), answers)
        if n % 13 == 0:
            Episode.objects.filter(client=client).update(ended=client.sessions.get().date)
            Episode.objects.get(client=client).save()  # as ending one does: summed up again
    store_and_follow_up(
        make_client(cora, code="C-CORA1").sessions.get(number=1),
        {"alliance-checkin": alliance(1), "phq-9": phq(20)},
    )
    return nina


def _expected(sort: str, status: str = "active") -> list[str]:
    team = ClientSummary.objects.filter(client__therapist__team__name="Theo's team")
    if status != "all":
        team = team.filter(episode_active=status == "active")
    ordered = sorted(team, key=lambda s: (*KEYS[sort](s), s.client.code))
    return [s.client.code for s in ordered]


def test_every_order_and_page_is_the_summaries_sorted_in_python(login, sam, team_clinic):
    page = login(sam)
    for sort in SORTS:
        expected = _expected(sort)
        assert len(expected) > PAGE_SIZE
        shown = []
        for number in (1, 2):
            html = page.get(reverse("team"), {"sort": sort, "page": number}).content.decode()
            shown += _rows(html)
        assert shown == expected, sort
    assert "C-CORA1" not in shown
    for status in ("ended", "all"):
        html = page.get(reverse("team"), {"status": status, "sort": "outcome"}).content.decode()
        assert _rows(html) == _expected("outcome", status)[:PAGE_SIZE]


def _therapist_row(html: str, name: str) -> str:
    return html.split(f'<th scope="row">{name}</th>')[1].split("</tr>")[0]


def _figures_in_python(therapist) -> tuple[int, int, float]:
    """Active clients, of them not on track, and the mean goal rating over every check-in."""
    theirs = list(ClientSummary.objects.filter(client__therapist=therapist))
    active = [s for s in theirs if s.episode_active]
    off = [s for s in active if s.track == "not-on-track"]
    mean = sum(s.goal_sum for s in theirs) / sum(s.goal_n for s in theirs)
    return len(active), len(off), mean


def _shown(html: str, name: str) -> tuple[int, int, float]:
    cells = _therapist_row(html, name).replace("</td>", "").split("<td>")[1:]
    return int(cells[0]), int(cells[1]), float(cells[4].split(" ")[0])


def test_each_therapists_figures_are_the_sums_over_their_summaries(login, sam, theo, team_clinic):
    html = login(sam).get(reverse("team")).content.decode()
    for therapist in (theo, team_clinic):
        active, off, mean = _figures_in_python(therapist)
        shown = _shown(html, therapist.username)
        assert shown[:2] == (active, off)
        assert math.isclose(shown[2], round(mean, 1))


def test_the_stored_figures_follow_a_new_check_in_and_a_client_moved_to_another_therapist(
    login, sam, theo, team_clinic, make_client
):
    page = login(sam)
    page.get(reverse("team"))
    nina, before = team_clinic, _figures_in_python(team_clinic)
    client = make_client(nina, code="C-NEW01")
    store_and_follow_up(client.sessions.get(number=1), {"alliance-checkin": alliance(10)})
    html = page.get(reverse("team")).content.decode()
    assert _shown(html, "nina")[0] == before[0] + 1
    assert math.isclose(_shown(html, "nina")[2], round(_figures_in_python(nina)[2], 1))
    client.therapist = theo
    client.save()
    html = page.get(reverse("team")).content.decode()
    assert _shown(html, "nina")[0] == before[0]
    assert _shown(html, "theo")[0] == _figures_in_python(theo)[0]
    assert ClientSummary.objects.get(client=client).therapist_id == theo.pk


def test_a_client_given_a_new_code_is_listed_under_it(login, sam, theo, make_client):
    client = make_client(theo, code="C-OLD99")
    client.code = "C-NEW99"
    client.save()
    html = login(sam).get(reverse("team"), {"sort": "code"}).content.decode()
    assert _rows(html) == ["C-NEW99"]
