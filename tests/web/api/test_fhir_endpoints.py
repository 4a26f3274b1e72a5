"""FHIR R4 in the app: Questionnaires, a client's $everything and a transaction of responses,
with the API's tokens, for every persona."""

from __future__ import annotations

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from alliance.interop import fhir
from alliance.measures import list_instruments
from alliance.web.clinic.models import AuditEvent, Response

PHQ9 = {str(n): 1 for n in range(1, 10)}


def _fhir(caller, method: str, path: str, body: dict | None = None):
    if method == "get":
        return caller.client.get(path, headers=caller.headers)
    return caller.client.post(
        path, json.dumps(body), content_type=fhir.MEDIA_TYPE, headers=caller.headers
    )


def _transaction(code: str, session: int = 1, answers: dict | None = None) -> dict:
    import pandas as pd

    rows = [
        {
            "client_id": code,
            "session": str(session),
            "instrument": "phq-9",
            "item": item,
            "value": str(value),
            "respondent": "client",
        }
        for item, value in (answers or PHQ9).items()
    ]
    bundle = fhir.export_bundle(
        pd.DataFrame(rows), bundle_type="transaction", with_questionnaires=False
    )
    for entry in bundle["entry"]:
        entry["request"] = {"method": "POST", "url": entry["resource"]["resourceType"]}
    return bundle


def test_every_shipped_instrument_is_served_as_a_questionnaire(api, theo):
    answer = _fhir(api(theo), "get", "/fhir/r4/Questionnaire")
    assert answer.status_code == 200 and answer["Content-Type"] == fhir.MEDIA_TYPE
    bundle = answer.json()
    Bundle.model_validate(bundle)
    served = {entry["resource"]["url"].rsplit("/", 1)[1] for entry in bundle["entry"]}
    assert served == {inst.id for inst in list_instruments()}


def test_questionnaires_in_spanish_are_searched_by_their_language(api, theo):
    answer = _fhir(api(theo), "get", "/fhir/r4/Questionnaire?_language=es")
    assert answer.status_code == 200
    bundle = answer.json()
    Bundle.model_validate(bundle)
    served = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    assert set(served) == {inst.id for inst in list_instruments() if "es" in inst.languages}
    assert {resource["language"] for resource in served.values()} == {"es"}
    assert served["phq-9"]["item"][1]["text"] == "Ánimo bajo"


def test_a_language_no_instrument_has_is_an_operation_outcome_naming_the_parameter(api, theo):
    answer = _fhir(api(theo), "get", "/fhir/r4/Questionnaire?_language=fr")
    assert answer.status_code == 400
    issue = answer.json()["issue"][0]
    assert answer.json()["resourceType"] == "OperationOutcome"
    assert issue["diagnostics"].startswith("_language: no instrument is worded in 'fr'")


def test_the_fhir_endpoints_need_a_token(client, theos_client):
    answer = client.get("/fhir/r4/Questionnaire")
    assert answer.status_code == 401
    assert answer.json()["resourceType"] == "OperationOutcome"
    assert "Bearer" in answer.json()["issue"][0]["diagnostics"]


def _stored_phq9(theos_client):
    session = theos_client.sessions.get(number=1)
    Response.objects.create(
        client=theos_client,
        session=session,
        instrument="phq-9",
        respondent="client",
        answers=PHQ9,
        scores={"total": 9.0},
        band="mild",
    )


@pytest.mark.parametrize(
    "persona, status", [("theo", 200), ("sam", 200), ("cora", 404), ("ada", 404)]
)
def test_everything_follows_the_access_rule(request, api, theos_client, persona, status):
    _stored_phq9(theos_client)
    answer = _fhir(
        api(request.getfixturevalue(persona)), "get", "/fhir/r4/Patient/C-THEO1/$everything"
    )
    assert answer.status_code == status
    assert answer.json()["resourceType"] == ("Bundle" if status == 200 else "OperationOutcome")


def test_everything_holds_the_clients_responses_and_scores(api, theo, theos_client):
    _stored_phq9(theos_client)
    bundle = _fhir(api(theo), "get", "/fhir/r4/Patient/C-THEO1/$everything").json()
    Bundle.model_validate(bundle)
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert "QuestionnaireResponse" in kinds and "Observation" in kinds
    back = fhir.read_bundle(bundle)
    assert sorted(back["value"].astype(int)) == sorted(PHQ9.values())
    assert AuditEvent.objects.filter(action="api-read", target="fhir-everything").exists()


@pytest.mark.parametrize(
    "persona, stored", [("theo", True), ("sam", False), ("cora", False), ("ada", False)]
)
def test_a_transaction_is_stored_for_the_own_therapist_only(
    request, api, theos_client, persona, stored
):
    answer = _fhir(
        api(request.getfixturevalue(persona)), "post", "/fhir/r4/", _transaction("C-THEO1")
    )
    assert answer.status_code == (200 if stored else 422)
    found = Response.objects.filter(client=theos_client, instrument="phq-9")
    assert found.exists() == stored
    if stored:
        assert found.get().scores["total"] == 9 and found.get().answers == PHQ9
        assert answer.json()["type"] == "transaction-response"
    else:
        assert "no such client" in answer.json()["issue"][0]["diagnostics"]


def test_a_read_only_token_cannot_post_a_transaction(api, theo, theos_client):
    answer = _fhir(api(theo, read_only=True), "post", "/fhir/r4/", _transaction("C-THEO1"))
    assert answer.status_code == 403 and not Response.objects.exists()


def test_a_bad_transaction_names_every_problem_and_stores_nothing(api, theo, theos_client):
    good = _transaction("C-THEO1")
    unknown_session = _transaction("C-THEO1", session=7)
    both = {**good, "entry": good["entry"] + unknown_session["entry"]}
    answer = _fhir(api(theo), "post", "/fhir/r4/", both)
    assert answer.status_code == 422
    problems = [issue["diagnostics"] for issue in answer.json()["issue"]]
    assert any("session 7: no such session" in p for p in problems)
    assert not Response.objects.exists()


def test_an_invalid_resource_is_named_with_its_item(api, theo, theos_client):
    bundle = _transaction("C-THEO1")
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "QuestionnaireResponse":
            entry["resource"]["item"][0]["answer"] = [{"valueInteger": 99}]
    answer = _fhir(api(theo), "post", "/fhir/r4/", bundle)
    assert answer.status_code == 422
    assert "QuestionnaireResponse" in answer.json()["issue"][0]["diagnostics"]
    assert not Response.objects.exists()


def test_a_response_already_stored_is_refused(api, theo, theos_client):
    _stored_phq9(theos_client)
    answer = _fhir(api(theo), "post", "/fhir/r4/", _transaction("C-THEO1"))
    assert answer.status_code == 422 and "already stored" in answer.content.decode()


def test_a_body_that_is_not_json_is_named(api, theo, theos_client):
    caller = api(theo)
    answer = caller.client.post(
        "/fhir/r4/", "{", content_type=fhir.MEDIA_TYPE, headers=caller.headers
    )
    assert answer.status_code == 422 and answer.json()["resourceType"] == "OperationOutcome"


def test_a_phq9_without_the_risk_item_warns_the_therapist_to_ask(api, login, theo, theos_client):
    from django.urls import reverse

    from alliance.web.clinic.models import Alert

    without_item_9 = {str(n): 1 for n in range(1, 9)}
    answer = _fhir(api(theo), "post", "/fhir/r4/", _transaction("C-THEO1", answers=without_item_9))
    assert answer.status_code == 200
    stored = Response.objects.get(client=theos_client, instrument="phq-9")
    assert stored.scores["total"] == 9 and "risk-item-unanswered" in stored.flags
    alert = Alert.objects.get(client=theos_client, kind="risk-item-unanswered")
    assert alert.severity == "warning" and "prorated" in alert.message
    page = login(theo).get(reverse("client", args=["C-THEO1"])).content.decode()
    assert "The self-harm question (item 9) was left unanswered" in page
