"""A clinic that chooses GAD-7 as its outcome sees GAD-7 where PHQ-9 was: the expected course,
the not-on-track alert, the caseload and the client page; a bad choice is refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.instruments import for_clinic
from alliance.web.clinic.models import Alert, AlertKind, ClinicSettings
from alliance.web.outcome.alerts import follow_recovery
from tests.web.outcome_helpers import alliance, gad, phq


def _choose(clinic, outcome: str) -> None:
    settings = ClinicSettings.for_clinic(clinic.pk)
    settings.outcome_instrument = outcome
    settings.full_clean()
    settings.save()


def _store(client, number: int, depression: int, anxiety: int) -> None:
    answers = {"alliance-checkin": alliance(8), "phq-9": phq(depression), "gad-7": gad(anxiety)}
    store_answers(client.sessions.get(number=number), answers, respondent="client")


def test_a_clinic_without_a_choice_uses_phq_9(clinic):
    assert for_clinic(clinic.pk).outcome == "phq-9"
    assert for_clinic(None).outcome_name == "PHQ-9"


def test_the_not_on_track_alert_follows_the_chosen_outcome(clinic, theo, make_client):
    _choose(clinic, "gad-7")
    client = make_client(theo, code="C-GAD", sessions=3)
    _store(client, 1, depression=5, anxiety=12)
    _store(client, 2, depression=4, anxiety=12)
    _store(client, 3, depression=3, anxiety=21)
    alert = follow_recovery(client)
    assert alert is not None and alert.kind == AlertKind.NOT_ON_TRACK
    assert alert.message.startswith("Not on track: GAD-7 21 at session 3")


def test_the_same_scores_raise_nothing_when_phq_9_is_the_outcome(clinic, theo, make_client):
    client = make_client(theo, code="C-PHQ", sessions=3)
    for number in (1, 2, 3):
        _store(client, number, depression=5 - number, anxiety=12 if number < 3 else 21)
    assert follow_recovery(client) is None
    assert not Alert.objects.filter(kind=AlertKind.NOT_ON_TRACK).exists()


def test_the_caseload_and_client_page_name_the_chosen_outcome(clinic, login, theo, make_client):
    _choose(clinic, "gad-7")
    client = make_client(theo, code="C-SHOW", sessions=2)
    _store(client, 1, depression=5, anxiety=12)
    _store(client, 2, depression=4, anxiety=9)
    page = login(theo)
    caseload = page.get(reverse("caseload")).content.decode()
    assert "Outcome (GAD-7)" in caseload and "Outcome (PHQ-9)" not in caseload
    record = page.get(reverse("client", args=[client.code])).content.decode()
    assert "Outcome (GAD-7 total) over sessions" in record


def test_an_instrument_that_is_not_an_outcome_measure_is_refused_on_its_field(clinic):
    with pytest.raises(ValidationError) as refused:
        _choose(clinic, "alliance-checkin")
    assert "not an outcome measure" in str(refused.value.message_dict["outcome_instrument"])
    assert ClinicSettings.for_clinic(clinic.pk).outcome_instrument == "phq-9"
