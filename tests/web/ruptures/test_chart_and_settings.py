"""Ruptures on the client's alliance chart, and the clinic's detector configuration."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from alliance.analysis.ruptures import RuptureDetector
from alliance.web.clinic.models import ClinicSettings, Rupture
from alliance.web.ruptures.strategies import kinds, strategies, strategies_for
from tests.web.checkin_helpers import submit_checkin


def test_the_chart_marks_the_rupture_and_its_repair_with_titles(good_checkins, login, theo):
    submit_checkin(good_checkins, 5, rating=5, felt_off=2)
    submit_checkin(good_checkins, 6, rating=8)
    html = login(theo).get(reverse("client", args=[good_checkins.code])).content.decode()
    assert "<title>Rupture: sessions 5 to 5, repaired</title>" in html
    assert '<rect class="mark repair"' in html and "<title>Repaired at session 6</title>" in html
    assert "Session 5: Repaired at session 6" in html
    assert html.count("Open the rupture review") == 0  # its alert closed with the repair


def test_an_open_rupture_alert_links_to_its_review(good_checkins, login, theo):
    submit_checkin(good_checkins, 5, rating=5, felt_off=2)
    rupture = Rupture.objects.get()
    html = login(theo).get(reverse("client", args=[good_checkins.code])).content.decode()
    assert reverse("rupture", args=[good_checkins.code, rupture.pk]) in html


def test_the_default_configuration_is_the_detectors_with_a_between_client_sd(clinic):
    stored = ClinicSettings.for_clinic(clinic.pk).rupture_detector
    expected = RuptureDetector().to_dict()
    assert stored["rules"] == expected["rules"] and stored["repair"] == expected["repair"]
    assert stored["baseline"]["between_sd"] == 0.6


def test_a_clinic_may_choose_its_own_rules(good_checkins):
    settings = ClinicSettings.for_clinic(good_checkins.clinic_id)
    settings.rupture_detector = {
        "rules": [{"rule": "client-reported", "min_level": 1}],
        "baseline": {"between_sd": 0.6},
    }
    settings.full_clean()
    settings.save()
    submit_checkin(good_checkins, 5, rating=8, felt_off=1)
    assert Rupture.objects.get().rule == "client-reported"


@pytest.mark.parametrize(
    "config, problem",
    [
        ({"rules": [{"rule": "v-episode", "k": -1}]}, "rule v-episode: k must be above 0"),
        ({"rules": [{"rule": "guess"}]}, "unknown rule 'guess'"),
        ({"repair": {"window": "soon"}}, "repair: window: 'soon' is not a valid whole number"),
    ],
)
def test_a_bad_detector_configuration_is_refused_by_name(clinic, config, problem):
    with pytest.raises(ValidationError, match=problem):
        ClinicSettings(clinic=clinic, rupture_detector=config).clean()


def test_an_empty_configuration_restores_the_default(clinic):
    settings = ClinicSettings(clinic=clinic, rupture_detector={})
    settings.clean()
    assert settings.rupture_detector["rules"] == RuptureDetector().to_dict()["rules"]


@pytest.mark.parametrize("field, value", [("task_agreement_line", 11), ("stall_ratings", 1)])
def test_bad_agreement_lines_are_refused(clinic, field, value):
    with pytest.raises(ValidationError, match=field):
        ClinicSettings(clinic=clinic, **{field: value}).clean()


def test_a_detector_problem_never_loses_the_checkin(good_checkins, caplog):
    ClinicSettings.objects.filter(clinic=good_checkins.clinic).update(
        rupture_detector={"rules": [{"rule": "therapist-gap"}]}
    )  # its column is all empty
    assert submit_checkin(good_checkins, 5, rating=5, felt_off=2).status_code == 200
    assert good_checkins.responses.filter(session__number=5).count() == 3


def test_the_strategies_are_data_with_unique_ids_and_questions():
    every = strategies()
    assert len({s.id for s in every}) == len(every) >= 8
    assert all(s.questions and s.fits for s in every)
    assert [k.id for k in kinds()] == ["withdrawal", "confrontation"]
    assert strategies_for(["bond"])[0].fits.count("bond") == 1
