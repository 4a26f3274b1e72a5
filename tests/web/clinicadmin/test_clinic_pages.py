"""The clinic admin lands on an overview of the clinic and edits its settings in a form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, ClinicSettings
from alliance.web.wording.models import LicensedWording


def _settings_post(**changes) -> dict[str, str]:
    data = {
        "link_lifetime_hours": "72",
        "outcome_instrument": "phq-9",
        "task_agreement_line": "5",
        "goal_agreement_line": "5",
        "stall_ratings": "3",
        "therapists_need_two_factor": "on",
        "retention_years": "0",
        "every__alliance-checkin": "1",
        "every__goal-progress": "1",
        "every__phq-9": "1",
        "every__alliance-checkin-t": "1",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def test_the_admin_lands_on_the_overview_with_staff_teams_and_counts(login, ada, theo, sam):
    session = login(ada)
    assert session.get(reverse("home")).url == reverse("clinic-overview")
    page = session.get(reverse("clinic-overview")).content.decode()
    assert "Theo&#x27;s team" in page or "Theo's team" in page
    assert "theo" in page and "sam" in page and "Clients in care" in page
    assert "Patient Health Questionnaire, 9 items: every session" in page


def test_a_therapist_still_lands_on_the_caseload_and_may_not_open_the_clinic_pages(login, theo):
    session = login(theo)
    assert session.get(reverse("home")).url == reverse("caseload")
    assert session.get(reverse("clinic-overview")).status_code == 403
    assert session.post(reverse("clinic-settings"), _settings_post()).status_code == 403


def test_the_schedule_and_lines_are_saved_from_the_form_and_audited(login, ada, clinic):
    session = login(ada)
    form = session.get(reverse("clinic-settings")).content.decode()
    assert 'name="every__gad-7"' in form and "every this-many sessions" in form
    answer = session.post(
        reverse("clinic-settings"),
        _settings_post(**{"every__gad-7": "4", "every__phq-9": "0", "task_agreement_line": "6"}),
    )
    assert answer.status_code == 302 and answer.url == reverse("clinic-overview")
    saved = ClinicSettings.objects.get(clinic=clinic)
    assert saved.schedule["gad-7"] == 4 and "phq-9" not in saved.schedule
    assert saved.task_agreement_line == 6 and "gad-7" in saved.instruments_for(5, "client")
    assert AuditEvent.objects.filter(action="clinic-settings-changed", actor_name="ada").exists()


@pytest.mark.parametrize(
    "changes, field, problem",
    [
        ({"every__phq-9": "-1"}, "PHQ-9", "greater than or equal to 0"),
        ({"task_agreement_line": "11"}, "Task agreement line", "from 0 to 10"),
        ({"stall_ratings": "1"}, "Stall ratings", "2 or more"),
        ({"outcome_instrument": "wai-sr"}, "Outcome measure", "not one of the available"),
        ({"link_lifetime_hours": "soon"}, "Check-in link lifetime", "whole number"),
        ({"crisis_contact_number": "call us"}, "Crisis contact number", "digits"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(login, ada, clinic, changes, field, problem):
    before = ClinicSettings.for_clinic(clinic.pk)
    answer = login(ada).post(reverse("clinic-settings"), _settings_post(**changes))
    page = answer.content.decode()
    assert answer.status_code == 400 and problem in page and field.lower() in page.lower()
    after = ClinicSettings.objects.get(pk=before.pk)
    assert (after.schedule, after.task_agreement_line) == (
        before.schedule,
        before.task_agreement_line,
    )
    assert not AuditEvent.objects.filter(action="clinic-settings-changed").exists()


def test_the_crisis_contact_is_set_in_the_same_form(login, ada, clinic):
    words = {
        "crisis_contact_text": "Duty desk, 9 to 5",
        "crisis_contact_number": "+44 20 7946 0000",
    }
    assert login(ada).post(reverse("clinic-settings"), _settings_post(**words)).status_code == 302
    saved = ClinicSettings.objects.get(clinic=clinic)
    assert saved.crisis_contact_text == "Duty desk, 9 to 5" and saved.crisis_dial.startswith("+44")


def test_asking_nothing_at_all_is_refused(login, ada, clinic):
    nothing = {name: "0" for name in _settings_post() if name.startswith("every__")}
    answer = login(ada).post(reverse("clinic-settings"), _settings_post(**nothing))
    assert answer.status_code == 400 and "Ask at least one instrument." in answer.content.decode()


def test_the_banner_shows_until_the_official_wording_is_imported(login, ada, clinic):
    session = login(ada)
    banner = "on the project's short labels"
    page = session.get(reverse("clinic-overview")).content.decode()
    assert banner in page and "Patient Health Questionnaire, 9 items" in page.split(banner)[0]
    LicensedWording.objects.create(
        clinic=clinic, instrument="phq-9", version="1", language="en", wording={}, licence="held"
    )
    assert banner not in session.get(reverse("clinic-overview")).content.decode()
