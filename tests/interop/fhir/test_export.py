"""Answers out as a Bundle: who is who, what the resources say, and bad tables refused by row."""

from __future__ import annotations

import pandas as pd
import pytest

from alliance.interop.fhir import everything_bundle, export_bundle, read_bundle
from alliance.interop.tables import TableError
from alliance.measures import get_instrument
from tests.interop.fhir.helpers import answer_rows

PHQ = get_instrument("phq-9")


def kinds(bundle: dict) -> list[str]:
    return [entry["resource"]["resourceType"] for entry in bundle["entry"]]


def first(bundle: dict, kind: str) -> dict:
    return bundle["entry"][kinds(bundle).index(kind)]["resource"]


def test_a_table_of_only_the_five_required_columns_comes_back_exactly():
    answers = answer_rows(PHQ)[["client_id", "session", "instrument", "item", "value"]]
    back = read_bundle(export_bundle(answers))
    assert back.to_dict("records") == answers.to_dict("records")


def test_a_patient_carries_the_client_code_and_nothing_else():
    patient = first(export_bundle(answer_rows(PHQ)), "Patient")
    assert set(patient) == {"resourceType", "identifier"}
    assert patient["identifier"] == [
        {"system": "https://alliance.invalid/fhir/sid/client-code", "value": "c-001"}
    ]


def test_the_response_names_the_session_the_client_and_the_therapist():
    bundle = export_bundle(answer_rows(PHQ))
    response = first(bundle, "QuestionnaireResponse")
    urls = {e["resource"]["resourceType"]: e["fullUrl"] for e in bundle["entry"][::-1]}
    assert response["extension"][0]["valueInteger"] == 1
    assert response["subject"]["reference"] == urls["Patient"]
    assert response["author"]["reference"] == urls["Practitioner"]
    assert response["source"]["reference"] == urls["Patient"]
    assert response["authored"] == "2026-03-02"


def test_a_therapist_rating_has_the_therapist_as_its_source_and_performer():
    bundle = export_bundle(answer_rows(get_instrument("wai-sr-t")))
    response, observation = first(bundle, "QuestionnaireResponse"), first(bundle, "Observation")
    assert response["source"] == response["author"]
    assert observation["performer"] == [response["source"]]


def test_the_same_answers_give_the_same_bundle():
    assert export_bundle(answer_rows(PHQ)) == export_bundle(answer_rows(PHQ))


def test_everything_is_a_searchset_without_questionnaires():
    bundle = everything_bundle(answer_rows(PHQ))
    assert bundle["type"] == "searchset" and "Questionnaire" not in kinds(bundle)


def test_stored_scores_can_be_given_instead_of_computed():
    from alliance.measures import score_answers

    answers = answer_rows(PHQ)
    scores = score_answers(answers).assign(total=99.0, band="made up")
    observation = first(export_bundle(answers, scores), "Observation")
    assert observation["valueQuantity"]["value"] == 99
    assert observation["interpretation"][0]["text"] == "made up"


def test_a_withheld_score_has_no_observation():
    answers = answer_rows(PHQ, sessions=1)
    answers.loc[answers.index[:3], "value"] = None  # three of nine missing, one is allowed
    bundle = export_bundle(answers)
    assert kinds(bundle).count("Observation") == 1  # only the other client's total


def change(row: int, column: str, value) -> pd.DataFrame:
    answers = answer_rows(PHQ)
    answers.loc[row - 1, column] = value
    return answers


@pytest.mark.parametrize(
    "answers, expected",
    [
        (answer_rows(PHQ).drop(columns="item"), "answers: missing column(s) item"),
        (change(2, "client_id", None), "row 2: client_id is empty"),
        (change(2, "instrument", "core-10"), "row 2: unknown instrument 'core-10'"),
        (change(2, "session", "second"), "row 2: session 'second' is not a whole number"),
        (change(2, "respondent", "parent"), "row 2: respondent 'parent' is not one of client"),
        (change(2, "item", "10"), "row 2: instrument phq-9 has no item '10'"),
        (change(2, "value", "4"), "row 2: instrument phq-9, item 2: value '4' is not one of 0, 1"),
        (change(2, "date", "02/03/2026"), "row 2: date '02/03/2026' is not YYYY-MM-DD"),
        (
            change(2, "date", "2026-03-02T10:00"),
            "is not YYYY-MM-DD (or a date and time with a time zone)",
        ),
        (
            change(2, "therapist_id", "t-09"),
            "row 2: therapist_id 't-09' differs from 't-01' in row 1",
        ),
        (change(2, "item", "1"), "row 2: instrument phq-9, item 1: answered twice"),
    ],
)
def test_a_bad_answer_table_is_refused_naming_the_row(answers, expected):
    with pytest.raises(TableError) as caught:
        export_bundle(answers)
    assert expected in str(caught.value)


def test_an_unknown_bundle_type_is_refused():
    with pytest.raises(ValueError, match="bundle_type 'message' is not one of"):
        export_bundle(answer_rows(PHQ), bundle_type="message")


def test_tables_of_numbers_and_dates_as_the_web_app_builds_them_export_too():
    import datetime as dt

    from alliance.measures import score_answers

    answers = answer_rows(PHQ).assign(
        session=lambda t: t["session"].astype(int),
        value=lambda t: t["value"].astype(int),
        date=dt.date(2026, 3, 2),
    )
    scores = score_answers(answers).assign(total=lambda t: t["total"].astype(object))
    bundle = everything_bundle(answers, scores)
    response = first(bundle, "QuestionnaireResponse")
    assert response["authored"] == "2026-03-02" and response["extension"][0]["valueInteger"] == 1
    assert read_bundle(bundle)["value"].tolist() == answers["value"].astype(str).tolist()
