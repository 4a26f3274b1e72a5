"""The clinic admin edits the detector configuration and agreement lines in the admin site."""

import json

from django.urls import reverse

from alliance.web.clinic.models import ClinicSettings


def _form(settings: ClinicSettings, **changes) -> dict:
    data = {
        "clinic": settings.clinic_id,
        "link_lifetime_hours": 72,
        "schedule": json.dumps(settings.schedule),
        "rupture_detector": json.dumps(settings.rupture_detector),
        "task_agreement_line": 5,
        "goal_agreement_line": 5,
        "stall_ratings": 3,
        "outcome_instrument": settings.outcome_instrument,
        "therapists_need_two_factor": "on",
        "retention_years": 0,
    }
    return data | changes


def test_the_admin_changes_the_detector_and_the_lines(login, ada, clinic):
    settings = ClinicSettings.for_clinic(clinic.pk)
    url = reverse("admin:clinic_clinicsettings_change", args=[settings.pk])
    config = {"rules": [{"rule": "v-episode", "k": 1.5}], "repair": {"window": 2}}
    page = login(ada).post(
        url, _form(settings, rupture_detector=json.dumps(config), task_agreement_line=6)
    )
    assert page.status_code == 302
    settings.refresh_from_db()
    assert settings.rupture_detector == config and settings.task_agreement_line == 6
    assert settings.detector().config.repair.window == 2


def test_a_bad_configuration_is_shown_on_its_field_and_not_saved(login, ada, clinic):
    settings = ClinicSettings.for_clinic(clinic.pk)
    url = reverse("admin:clinic_clinicsettings_change", args=[settings.pk])
    before = settings.rupture_detector
    bad = json.dumps({"rules": [{"rule": "v-episode", "k": 0}]})
    page = login(ada).post(url, _form(settings, rupture_detector=bad))
    assert page.status_code == 200
    assert "rule v-episode: k must be above 0" in str(
        page.context["adminform"].form.errors["rupture_detector"]
    )
    settings.refresh_from_db()
    assert settings.rupture_detector == before


def test_a_therapist_cannot_change_the_clinic_settings(login, theo, clinic):
    theo.is_staff = True
    theo.save()
    settings = ClinicSettings.for_clinic(clinic.pk)
    url = reverse("admin:clinic_clinicsettings_change", args=[settings.pk])
    assert login(theo).get(url).status_code in (302, 403)
