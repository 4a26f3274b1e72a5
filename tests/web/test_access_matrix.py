"""Who may open which page: the allow/deny matrix for every staff view."""

import pytest
from django.urls import reverse

from alliance.web.clinic.access import get_client_for, visible_clients
from alliance.web.clinic.models import Alert, Severity


def _url(name: str, client) -> str:
    if name in ("new-link", "therapist-form"):
        return reverse(name, args=[client.code, 1])
    return reverse(name, args=[client.code])


@pytest.mark.parametrize(
    "persona, status", [("theo", 200), ("sam", 200), ("cora", 404), ("ada", 404)]
)
def test_the_client_page_is_shown_only_to_the_therapist_and_their_supervisor(
    request, login, theos_client, persona, status
):
    page = login(request.getfixturevalue(persona)).get(_url("client", theos_client))
    assert page.status_code == status


@pytest.mark.parametrize("name", ["therapist-form"])
@pytest.mark.parametrize(
    "persona, status", [("theo", 200), ("sam", 404), ("cora", 404), ("ada", 404)]
)
def test_acting_for_a_client_is_for_their_own_therapist_only(
    request, login, theos_client, name, persona, status
):
    page = login(request.getfixturevalue(persona)).get(_url(name, theos_client))
    assert page.status_code == status


@pytest.mark.parametrize(
    "name", ["new-link", "new-session", "goal-new", "end-episode", "reopen-episode"]
)
@pytest.mark.parametrize("persona", ["sam", "cora", "ada"])
def test_posting_to_another_therapists_client_is_a_404(request, login, theos_client, name, persona):
    page = login(request.getfixturevalue(persona)).post(_url(name, theos_client), {})
    assert page.status_code == 404


@pytest.mark.parametrize("name", ["client", "therapist-form"])
def test_anonymous_visitors_are_sent_to_the_login(client, theos_client, name):
    page = client.get(_url(name, theos_client))
    assert page.status_code == 302
    assert page.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    "name", ["new-link", "new-session", "goal-new", "end-episode", "reopen-episode"]
)
def test_anonymous_posts_are_sent_to_the_login(client, theos_client, name):
    page = client.post(_url(name, theos_client), {})
    assert page.status_code == 302
    assert page.url.startswith(reverse("login"))


def test_the_first_page_an_anonymous_visitor_gets_is_the_staff_login(client, db):
    page = client.get("/", follow=True)
    assert page.redirect_chain[-1][0] == reverse("login")
    assert "Staff login" in page.content.decode()


def test_an_unknown_client_is_the_same_404_as_a_hidden_one(login, theo, coras_client):
    hidden = login(theo).get(reverse("client", args=[coras_client.code]))
    unknown = login(theo).get(reverse("client", args=["C-NOSUCH"]))
    assert hidden.status_code == unknown.status_code == 404


def test_the_supervisor_sees_only_their_team(theos_client, coras_client, sam):
    assert list(visible_clients(sam)) == [theos_client]


def test_an_admin_without_clients_sees_no_clinical_data(theos_client, coras_client, ada):
    assert not visible_clients(ada).exists()


def test_an_admin_who_is_also_a_therapist_sees_their_own_clients(make_client, ada):
    own = make_client(ada, code="C-ADA01")
    assert get_client_for(ada, "C-ADA01") == own


def test_staff_of_another_clinic_see_nothing_even_when_named_supervisor(
    theos_client, make_user, theos_team
):
    from alliance.web.accounts.models import Clinic

    stranger = make_user("stranger", clinic=Clinic.objects.create(name="Elsewhere"))
    theos_team.supervisor = stranger
    theos_team.save()
    assert not visible_clients(stranger).exists()


def test_a_colleague_cannot_acknowledge_another_therapists_alert(login, theos_client, cora):
    alert = Alert.objects.create(
        client=theos_client, kind="risk-self-harm", severity=Severity.URGENT, message="m"
    )
    page = login(cora).post(reverse("acknowledge-alert", args=[alert.pk]))
    assert page.status_code == 404
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


@pytest.mark.parametrize(
    "persona, sees", [("theo", True), ("sam", True), ("cora", False), ("ada", False)]
)
def test_the_caseload_lists_only_visible_clients(request, login, theos_client, persona, sees):
    html = login(request.getfixturevalue(persona)).get(reverse("caseload")).content.decode()
    assert ("C-THEO1" in html) == sees


def test_the_admin_site_shows_staff_but_no_clinical_models(login, ada):
    html = login(ada).get(reverse("admin:index")).content.decode()
    assert "Users" in html and "Clinic settings" in html
    for clinical in ("Clients", "Responses", "Alerts", "Sessions", "Goals"):
        assert f">{clinical}<" not in html


def test_a_therapist_cannot_use_the_admin_site(login, theo):
    theo.is_staff = True
    theo.save()
    html = login(theo).get(reverse("admin:index")).content.decode()
    assert "Users" not in html


def test_a_clinic_admin_manages_only_their_own_clinics_staff(login, ada, theo, make_user):
    from alliance.web.accounts.models import Clinic

    make_user("outsider", clinic=Clinic.objects.create(name="Elsewhere"))
    html = login(ada).get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "theo" in html and "outsider" not in html


def test_a_clinic_admin_cannot_make_anyone_a_superuser(login, ada, theo):
    html = login(ada).get(reverse("admin:accounts_user_change", args=[theo.pk])).content.decode()
    assert 'name="is_superuser"' not in html and 'name="role"' in html


# The whole matrix: every URL of the app for every persona, including the admin's.

SEES = {"theo", "sam"}  # the client's therapist and the team's supervisor
STAFF_PAGES = {
    "caseload": {"theo": 200, "sam": 200, "cora": 200, "ada": 200, "pia": 200},
    "new-client": {"theo": 200, "sam": 200, "cora": 200, "ada": 403, "pia": 200},
    "supervision-report": {"theo": 200, "sam": 200, "cora": 404, "ada": 404, "pia": 404},
    "supervision-report-pdf": {"theo": 200, "sam": 200, "cora": 404, "ada": 404, "pia": 404},
    "team": {"theo": 404, "sam": 200, "cora": 404, "ada": 404, "pia": 404},
    "team-trends": {"theo": 404, "sam": 200, "cora": 404, "ada": 404, "pia": 404},
    "audit": {"theo": 403, "sam": 403, "cora": 403, "ada": 200, "pia": 200},
    "admin": {"theo": 302, "sam": 302, "cora": 302, "ada": 200, "pia": 302},
    "clinic-overview": {"theo": 403, "sam": 403, "cora": 403, "ada": 200, "pia": 403},
    "clinic-settings": {"theo": 403, "sam": 403, "cora": 403, "ada": 200, "pia": 403},
    "clinic-delivery": {"theo": 403, "sam": 403, "cora": 403, "ada": 200, "pia": 403},
}
PERSONAS = ["theo", "sam", "cora", "ada", "pia"]


def _expected(page, persona: str) -> set[int]:
    if persona == "theo":
        return {200, 302, 400}  # shown, done, or the form's problems named
    readable = page.method == "get" and page.name in {"client", "client-report", "rupture"}
    if persona == "sam" and (readable or page.name == "client-report-pdf"):
        return {200}
    if persona == "sam" and page.name == "acknowledge-alert":
        return {302}  # a supervisor may acknowledge their team's alerts
    return {404}


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_about_a_client_answers_each_persona_as_the_access_rule_says(
    request, login, full_record, persona
):
    from tests.web.every_page import client_pages

    session = login(request.getfixturevalue(persona))
    for page in client_pages(full_record):
        status = getattr(session, page.method)(page.url).status_code
        assert status in _expected(page, persona), (page.name, status)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_staff_page_answers_each_persona_as_the_roles_say(request, login, theo, persona):
    from tests.web.every_page import staff_pages

    session = login(request.getfixturevalue(persona))
    for page in staff_pages(theo):
        assert session.get(page.url).status_code == STAFF_PAGES[page.name][persona], page.name


def test_anonymous_visitors_get_no_page_about_a_client_or_staff(client, full_record, theo):
    from tests.web.every_page import client_pages, staff_pages

    for page in [*client_pages(full_record), *staff_pages(theo)]:
        response = getattr(client, page.method)(page.url)
        assert response.status_code == 302 and "login" in response.url, page.name


@pytest.mark.parametrize("persona", ["theo", "sam", "cora", "pia"])
def test_nobody_but_the_admin_reaches_the_admin_forms_that_grant_access(
    request, login, theos_team, persona
):
    from alliance.web.accounts.models import User

    user = request.getfixturevalue(persona)
    session = login(user)
    change = reverse("admin:accounts_team_change", args=[theos_team.pk])
    page = session.post(
        change, {"name": "x", "clinic": theos_team.clinic_id, "supervisor": user.pk}
    )
    assert page.status_code == 302 and "login" in page.url
    promote = reverse("admin:accounts_user_change", args=[user.pk])
    session.post(promote, {"username": user.username, "role": "admin", "clinic": user.clinic_id})
    theos_team.refresh_from_db()
    assert theos_team.supervisor.username == "sam"
    assert User.objects.get(pk=user.pk).role == user.role
