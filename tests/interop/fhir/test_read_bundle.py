"""Reading QuestionnaireResponses back into answers; every refusal names the resource, the item
and the problem, and one bad response refuses the whole Bundle."""

from __future__ import annotations

import copy
import json

import pytest

from alliance.interop.fhir import FhirError, export_bundle, read_bundle, read_transaction
from alliance.measures import get_instrument
from tests.interop.fhir.helpers import answer_rows, phq_response, transaction

SESSION = "https://alliance.invalid/fhir/StructureDefinition/session"


def problems(bundle) -> list[str]:
    with pytest.raises(FhirError) as caught:
        read_bundle(bundle)
    return [str(problem) for problem in caught.value.problems]


def collection(*responses: dict, extra: list[dict] | None = None) -> str:
    entries = [{"resource": r} for r in (*responses, *(extra or []))]
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries})


def first_response(bundle: dict) -> dict:
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    return bundle["entry"][kinds.index("QuestionnaireResponse")]["resource"]


def with_item(n: int, **answer) -> dict:
    response = phq_response()
    response["item"][n - 1] = {"linkId": str(n), **answer}
    return response


def test_a_response_from_outside_with_loinc_answers_reads_as_answers():
    answers = read_bundle(collection(phq_response()))
    assert list(answers.columns) == ["client_id", "session", "instrument", "item", "value", "date"]
    assert answers["value"].tolist() == ["1"] * 9
    assert set(answers["client_id"]) == {"c-009"} and set(answers["session"]) == {"4"}


def test_loinc_questionnaire_urls_and_loinc_link_ids_are_understood():
    response = phq_response(questionnaire="http://loinc.org/q/44249-1")
    codes = get_instrument("phq-9").codes.items
    for item in response["item"]:
        item["linkId"] = "/" + codes[item["linkId"]]
    assert read_bundle(collection(response))["item"].tolist() == [str(n) for n in range(1, 10)]


def test_a_subject_given_by_identifier_names_the_client():
    system = "https://alliance.invalid/fhir/sid/client-code"
    response = phq_response(subject={"identifier": {"system": system, "value": "c-044"}})
    assert set(read_bundle(collection(response))["client_id"]) == {"c-044"}


def test_an_unanswered_item_reads_as_a_blank_value():
    answers = read_bundle(collection(with_item(3)))
    assert answers["value"].iloc[2] is None


def test_observations_and_questionnaires_in_the_bundle_are_not_read_as_answers():
    bundle = export_bundle(answer_rows(get_instrument("gad-7")))
    assert len(read_bundle(bundle)) == 2 * 2 * 7


@pytest.mark.parametrize(
    "text, expected",
    [
        ("{not json", "Bundle: not valid JSON"),
        ("[1, 2]", "Bundle: not a JSON object"),
        ('{"resourceType": "Patient"}', "Bundle: resourceType is 'Patient', not Bundle"),
        ('{"resourceType": "Bundle", "type": "collection", "entry": 3}', "Bundle: entry must be"),
        ('{"resourceType": "Bundle", "type": 7}', "Bundle: type: Input should be a valid string"),
    ],
)
def test_what_is_not_a_bundle_is_refused(text, expected):
    assert problems(text)[0].startswith(expected)


def test_a_response_the_fhir_model_refuses_is_named_with_its_item():
    found = problems(collection(with_item(2, answer=[{"valueInteger": "two"}])))
    assert found == [
        "entry 1 (QuestionnaireResponse), item 2: item.1.answer.0.valueInteger: "
        "Input should be a valid integer, unable to parse string as an integer"
    ]


def test_the_entry_is_named_by_its_full_url():
    bundle = json.loads(collection(phq_response(status="in-progress")))
    bundle["entry"][0]["fullUrl"] = "urn:uuid:5e0f7c54-0c83-4d1a-b8d3-6f3f5d0d7a11"
    assert problems(bundle)[0].startswith(
        "entry 1 (QuestionnaireResponse urn:uuid:5e0f7c54-0c83-4d1a-b8d3-6f3f5d0d7a11): status"
    )


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"status": "in-progress"}, "status is 'in-progress'; only completed or amended"),
        ({"questionnaire": "https://other.example/q/1"}, "is not a shipped instrument"),
        (
            {"questionnaire": "https://alliance.invalid/fhir/Questionnaire/core-10"},
            "unknown instrument 'core-10'",
        ),
        (
            {"questionnaire": "https://alliance.invalid/fhir/Questionnaire/phq-9|2"},
            "version 2 is not the shipped 1",
        ),
        ({"subject": None}, "subject is missing"),
        (
            {"subject": {"reference": "urn:uuid:0a3c2c1e-4b0b-4a59-9a9e-f1b8a1f7a0d2"}},
            "is not in the Bundle",
        ),
        ({"subject": {"reference": "Practitioner/t-1"}}, "subject must be a Patient"),
        (
            {"subject": {"identifier": {"system": "urn:mrn", "value": "1"}}},
            "'urn:mrn' is not a client or therapist code",
        ),
        (
            {"source": {"reference": "Patient/c-777"}},
            "source is Patient c-777, not the subject c-009",
        ),
        (
            {
                "source": {"reference": "Practitioner/t-1"},
                "author": {"reference": "Practitioner/t-2"},
            },
            "source is therapist t-1 but author is therapist t-2",
        ),
        ({"extension": []}, "no session: add the extension"),
        (
            {"extension": [{"url": SESSION, "valueInteger": -1}]},
            "needs a valueInteger of 0 or more",
        ),
    ],
)
def test_a_response_that_cannot_be_placed_is_refused_saying_why(changes, expected):
    response = {k: v for k, v in phq_response(**changes).items() if v is not None}
    found = problems(collection(response))
    assert len(found) == 1 and found[0].startswith("entry 1 (QuestionnaireResponse): ")
    assert expected in found[0]


def test_a_patient_without_a_client_code_is_refused():
    patient = {
        "resourceType": "Patient",
        "id": "p1",
        "identifier": [{"system": "urn:mrn", "value": "9"}],
    }
    found = problems(collection(phq_response(subject={"reference": "Patient/p1"}), extra=[patient]))
    assert "Patient Patient/p1 has no identifier with system" in found[0]


def test_a_reference_to_something_that_is_not_a_person_is_refused():
    other = {"resourceType": "Questionnaire", "id": "q1", "status": "active"}
    found = problems(
        collection(phq_response(subject={"reference": "Questionnaire/q1"}), extra=[other])
    )
    assert "Questionnaire/q1 is a Questionnaire, not a Patient or Practitioner" in found[0]


@pytest.mark.parametrize(
    "item, expected",
    [
        ({"linkId": "12"}, "item 12: not an item of phq-9"),
        (
            {"linkId": "2", "answer": [{"valueInteger": 1}, {"valueInteger": 2}]},
            "item 2: 2 answers; one is allowed",
        ),
        (
            {"linkId": "2", "answer": [{"valueString": "often"}]},
            "item 2: answered with valueString; expected valueCoding or valueInteger",
        ),
        (
            {"linkId": "2", "answer": [{"valueInteger": 4}]},
            "item 2: value 4 is not one of 0, 1, 2, 3",
        ),
        (
            {
                "linkId": "2",
                "answer": [{"valueCoding": {"system": "http://loinc.org", "code": "LA6572-7"}}],
            },
            "item 2: answer http://loinc.org|LA6572-7 is not one of the item's answer codes",
        ),
    ],
)
def test_an_item_that_does_not_fit_the_instrument_is_named(item, expected):
    response = phq_response()
    response["item"][1] = item
    assert problems(collection(response)) == [f"entry 1 (QuestionnaireResponse), {expected}"]


def test_an_item_answered_twice_is_refused():
    response = phq_response()
    response["item"].append(copy.deepcopy(response["item"][0]))
    assert problems(collection(response)) == [
        "entry 1 (QuestionnaireResponse), item 1: answered twice in the same response"
    ]


def test_a_text_item_needs_a_string():
    bundle = export_bundle(answer_rows(get_instrument("alliance-checkin"), sessions=1))
    response = first_response(bundle)
    comment = next(item for item in response["item"] if item["linkId"] == "7")
    comment["answer"] = [{"valueInteger": 3}]
    assert "item 7: a text item is answered with valueString" in problems(bundle)[0]


def test_a_goal_rating_needs_the_goal_it_rates():
    bundle = export_bundle(answer_rows(get_instrument("goal-progress"), sessions=1))
    response = first_response(bundle)
    response["item"][0]["item"] = response["item"][0]["item"][1:]
    assert "item goal: the group needs a goal-id answered with valueString" in problems(bundle)[0]


def test_two_responses_for_the_same_administration_are_refused():
    found = problems(collection(phq_response(), phq_response()))
    assert found == [
        "entry 2 (QuestionnaireResponse): the same client, session, instrument and respondent "
        "as entry 1 (QuestionnaireResponse)"
    ]


def test_every_problem_in_the_bundle_is_listed_not_only_the_first():
    found = problems(
        collection(with_item(2, answer=[{"valueInteger": 9}]), phq_response(status="stopped"))
    )
    assert [p.split(":")[0] for p in found] == [
        "entry 1 (QuestionnaireResponse), item 2",
        "entry 2 (QuestionnaireResponse)",
    ]


def test_a_transaction_of_responses_reads_like_any_bundle():
    assert len(read_transaction(transaction(phq_response()))) == 9


@pytest.mark.parametrize(
    "bundle, expected",
    [
        (
            collection(phq_response()),
            "Bundle: type is 'collection'; a transaction Bundle is expected",
        ),
        (transaction(), "Bundle: no QuestionnaireResponse to store"),
    ],
)
def test_a_transaction_must_be_one(bundle, expected):
    with pytest.raises(FhirError) as caught:
        read_transaction(bundle)
    assert expected in [str(p) for p in caught.value.problems]


def test_every_transaction_entry_must_post():
    bundle = json.loads(transaction(phq_response()))
    bundle["entry"][0]["request"]["method"] = "PUT"
    with pytest.raises(
        FhirError, match=r"entry 1 \(QuestionnaireResponse\): request.method must be POST"
    ):
        read_transaction(bundle)
