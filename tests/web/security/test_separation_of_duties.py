"""A clinic admin cannot give themself clinical access through the admin site, and every change
of role, team, supervision or password is audited."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from alliance.web.accounts.models import Role, Team, User
from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.models import AuditEvent


def _staff_form(user, **changes) -> dict:
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "role": user.role,
        "clinic": user.clinic_id,
        "team": user.team_id or "",
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def _team_form(team, **changes) -> dict:
    data = {"clinic": team.clinic_id, "name": team.name, "supervisor": team.supervisor_id or ""}
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_an_admin_cannot_make_themself_a_teams_supervisor(login, ada, theos_team, theos_client):
    url = reverse("admin:accounts_team_change", args=[theos_team.pk])
    page = login(ada).post(url, _team_form(theos_team, supervisor=ada.pk))
    assert page.status_code == 200 and "a clinic admin cannot supervise a team" in page.text
    theos_team.refresh_from_db()
    assert theos_team.supervisor.username == "sam"
    assert not visible_clients(ada).exists()


@override_settings(ADMINS_MAY_TREAT=True)
def test_a_clinic_that_allows_both_roles_gets_the_grant_audited(login, ada, theos_team):
    url = reverse("admin:accounts_team_change", args=[theos_team.pk])
    page = login(ada).post(url, _team_form(theos_team, supervisor=ada.pk))
    assert page.status_code == 302
    assert AuditEvent.objects.filter(action="team-supervisor-changed", actor_name="ada").exists()


def test_an_admin_cannot_change_their_own_role(login, ada):
    url = reverse("admin:accounts_user_change", args=[ada.pk])
    login(ada).post(url, _staff_form(ada, role=Role.SUPERVISOR))
    ada.refresh_from_db()
    assert ada.role == Role.ADMIN


def test_a_therapist_with_clients_cannot_be_made_an_admin(login, ada, theo, theos_client):
    url = reverse("admin:accounts_user_change", args=[theo.pk])
    page = login(ada).post(url, _staff_form(theo, role=Role.ADMIN))
    assert "cannot be a clinic admin" in page.text
    theo.refresh_from_db()
    assert theo.role == Role.THERAPIST


def test_a_role_change_is_audited(login, ada, make_user):
    newcomer = make_user("newcomer")
    url = reverse("admin:accounts_user_change", args=[newcomer.pk])
    assert login(ada).post(url, _staff_form(newcomer, role=Role.SUPERVISOR)).status_code == 302
    row = AuditEvent.objects.get(action="staff-role-changed")
    assert (row.actor_name, row.kind, row.target) == ("ada", "account", f"user:{newcomer.pk}")


def test_setting_another_persons_password_emails_them_a_reset_instead(login, ada, theo):
    theo.email = "theo@clinic.example"
    theo.save()
    before = User.objects.get(pk=theo.pk).password
    url = reverse("admin:auth_user_password_change", args=[theo.pk])
    new = {"password1": "an-admin-chosen-pw-1", "password2": "an-admin-chosen-pw-1"}
    page = login(ada).post(url, new)
    assert page.status_code == 302
    assert User.objects.get(pk=theo.pk).password == before
    assert mail.outbox[0].to == ["theo@clinic.example"]
    assert AuditEvent.objects.filter(action="password-reset-sent", actor_name="ada").exists()


def test_a_new_staff_member_sets_their_own_password_from_an_email(login, ada, clinic):
    data = {"username": "nina", "email": "nina@clinic.example", "role": Role.THERAPIST}
    page = login(ada).post(reverse("admin:accounts_user_add"), {**data, "clinic": clinic.pk})
    assert page.status_code == 302
    nina = User.objects.get(username="nina")
    assert not nina.has_usable_password()
    assert "/reset/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(action="staff-added", target=f"user:{nina.pk}").exists()


def test_an_admin_cannot_take_clients_of_their_own(login, ada):
    assert login(ada).get(reverse("new-client")).status_code == 403


def test_moving_a_therapist_to_another_team_is_audited(login, ada, theo, clinic):
    other = Team.objects.create(clinic=clinic, name="Night team")
    url = reverse("admin:accounts_user_change", args=[theo.pk])
    assert login(ada).post(url, _staff_form(theo, team=other.pk)).status_code == 302
    assert AuditEvent.objects.filter(action="staff-team-changed").exists()


@pytest.mark.parametrize("field", ["role", "team", "is_active"])
def test_the_admins_own_record_shows_role_and_team_as_fixed(login, ada, field):
    html = login(ada).get(reverse("admin:accounts_user_change", args=[ada.pk])).text
    assert f'name="{field}"' not in html
