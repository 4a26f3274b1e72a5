import pytest
from django.core.exceptions import ValidationError

from alliance.web.clinic.models import ClinicSettings


def test_by_default_the_client_gets_three_instruments_and_the_therapist_one(clinic):
    settings = ClinicSettings.for_clinic(clinic.pk)
    assert settings.instruments_for(1, "client") == ["alliance-checkin", "goal-progress", "phq-9"]
    assert settings.instruments_for(7, "therapist") == ["alliance-checkin-t"]
    assert settings.link_lifetime_hours == 72


def test_an_instrument_can_be_asked_every_nth_session_from_the_first(clinic):
    settings = ClinicSettings(clinic=clinic, schedule={"phq-9": 4, "alliance-checkin": 0})
    asked = [n for n in range(1, 10) if settings.instruments_for(n, "client")]
    assert asked == [1, 5, 9]


@pytest.mark.parametrize(
    "schedule, problem",
    [({"phq-99": 1}, "unknown instrument 'phq-99'"), ({"phq-9": -1}, "phq-9: use a whole number")],
)
def test_a_bad_schedule_is_refused_with_the_instrument_named(clinic, schedule, problem):
    with pytest.raises(ValidationError, match=problem):
        ClinicSettings(clinic=clinic, schedule=schedule).clean()


def test_a_schedule_that_is_not_a_mapping_is_refused(clinic):
    with pytest.raises(ValidationError, match="instrument id"):
        ClinicSettings(clinic=clinic, schedule=["phq-9"]).clean()
