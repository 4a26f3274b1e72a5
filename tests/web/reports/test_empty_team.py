"""A supervisor whose team has no therapists yet follows "Your team" to a page saying so, on the
dashboard and on the trends alike; supervising no team at all is still a 404."""

import pytest
from django.urls import reverse

from alliance.web.accounts.models import Clinic, Role, Team
from tests.web.i18n.languages import speak_the_site_languages

EMPTY = "No therapists in your team yet; a clinic admin adds them."


@pytest.fixture
def new_supervisor(make_user, clinic):
    supervisor = make_user("nia", role=Role.SUPERVISOR)
    Team.objects.create(clinic=clinic, name="New team", supervisor=supervisor)
    return supervisor


@pytest.mark.parametrize("name", ["team", "team-trends"])
def test_an_empty_team_is_named_as_empty_not_missing(login, new_supervisor, name):
    session = login(new_supervisor)
    start = session.get(reverse("caseload")).content.decode()
    assert f'<a href="{reverse("team")}">Your team</a>' in start
    page = session.get(reverse(name))
    assert page.status_code == 200
    assert EMPTY in page.content.decode()


def test_a_team_whose_only_therapist_left_is_empty_too(login, new_supervisor, make_user):
    team = new_supervisor.supervised_teams.get()
    make_user("gone", team=team, is_active=False)
    assert EMPTY in login(new_supervisor).get(reverse("team")).content.decode()


@pytest.mark.parametrize("name", ["team", "team-trends"])
def test_supervising_no_team_is_still_a_404(login, make_user, name):
    assert login(make_user("ned", role=Role.SUPERVISOR)).get(reverse(name)).status_code == 404


def test_a_team_of_another_clinic_is_a_404_not_an_empty_team(login, make_user):
    elsewhere = Clinic.objects.create(name="Elsewhere")
    supervisor = make_user("ola", role=Role.SUPERVISOR)
    Team.objects.create(clinic=elsewhere, name="Their team", supervisor=supervisor)
    assert login(supervisor).get(reverse("team")).status_code == 404


def test_once_a_therapist_joins_the_team_page_lists_them(login, new_supervisor, make_user):
    make_user("joy", team=new_supervisor.supervised_teams.get(), first_name="Joy")
    html = login(new_supervisor).get(reverse("team")).content.decode()
    assert EMPTY not in html and '<th scope="row">Joy</th>' in html


def test_the_empty_team_is_named_in_spanish(settings, login, new_supervisor):
    speak_the_site_languages(settings)
    page = login(new_supervisor).get(reverse("team"), headers={"accept-language": "es"})
    assert "Todavía no hay terapeutas en su equipo" in page.content.decode()
