"""The main navigation shows each role the pages it has: "Your team" for a team's supervisor."""

from django.urls import reverse


def _nav(page) -> str:
    html = page.content.decode()
    return html.split('<nav aria-label="Main">')[1].split("</nav>")[0]


def test_a_supervisor_finds_their_team_in_the_navigation(login, sam, theo):
    nav = _nav(login(sam).get(reverse("caseload")))
    assert f'<a href="{reverse("team")}">Your team</a>' in nav
    assert login(sam).get(reverse("team")).status_code == 200


def test_a_therapist_without_a_team_to_supervise_has_no_team_link(login, theo):
    nav = _nav(login(theo).get(reverse("caseload")))
    assert "Caseload" in nav and "Your team" not in nav
