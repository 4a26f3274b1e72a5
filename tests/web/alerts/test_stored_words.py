"""The words kept on an alert stay the English they were before alerts kept their figures, for
the API, the exports and FHIR; whatever language the request that raised it spoke."""

from __future__ import annotations

from django.utils import translation

from alliance.web.clinic.alert_words import worded_kinds
from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Alert, AlertKind
from tests.web.alerts.words_before import BEFORE
from tests.web.outcome_helpers import alliance, phq


def test_every_kind_stores_the_english_it_stored_before(every_kind):
    assert sorted(every_kind) == sorted(BEFORE) == sorted(AlertKind.values)
    for kind, alert in every_kind.items():
        alert.refresh_from_db()
        assert (alert.message, alert.explanation) == BEFORE[kind], kind
        assert alert.figures, f"{kind}: raised without its figures"


def test_every_kind_is_worded_from_its_figures_in_english_as_stored(every_kind):
    assert set(AlertKind.values) <= set(worded_kinds())
    for kind, alert in every_kind.items():
        alert.refresh_from_db()
        with translation.override("en"):
            assert alert.words == BEFORE[kind], kind


def test_an_alert_raised_while_spanish_is_active_is_stored_in_english(make_client, theo):
    client = make_client(theo, code="C-ES", sessions=2)
    with translation.override("es"):
        for number, rating in ((1, 8), (2, 5)):
            answers = {"alliance-checkin": alliance(rating), "phq-9": phq(6) | {"9": 1}}
            store_answers(client.sessions.get(number=number), answers, respondent="client")
    stored = {a.kind: a for a in Alert.objects.filter(client=client)}
    assert stored["alliance-drop"].message == BEFORE["alliance-drop"][0]
    assert stored["risk-self-harm"].message == BEFORE["risk-self-harm"][0]
    assert stored["risk-self-harm"].explanation == BEFORE["risk-self-harm"][1]
