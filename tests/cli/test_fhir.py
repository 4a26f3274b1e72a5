"""`alliance fhir export` and `alliance fhir import`: a round trip that returns the answers exactly,
and clean failures that name the file and the problem."""

from __future__ import annotations

import json

from click.testing import CliRunner
from fhir.resources.R4B.bundle import Bundle

from alliance.cli import main
from alliance.measures import get_instrument
from tests.interop.fhir.helpers import answer_rows


def run(*args: str):
    return CliRunner().invoke(main, ["fhir", *args])


def answers_file(tmp_path, instruments=("alliance-checkin", "alliance-checkin-t", "phq-9")):
    frames = [answer_rows(get_instrument(name)) for name in instruments]
    path = tmp_path / "answers.csv"
    text = frames[0].to_csv(index=False) + "".join(
        f.to_csv(index=False, header=False) for f in frames[1:]
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_export_then_import_prints_exactly_the_csv_that_went_in(tmp_path):
    answers, bundle = answers_file(tmp_path), tmp_path / "bundle.json"
    exported = run("export", str(answers), "--out", str(bundle))
    assert exported.exit_code == 0, exported.output
    imported = run("import", str(bundle))
    assert imported.exit_code == 0, imported.output
    assert imported.stdout == answers.read_text(encoding="utf-8")


def test_the_exported_file_is_a_collection_bundle_that_validates(tmp_path):
    bundle = tmp_path / "bundle.json"
    result = run("export", str(answers_file(tmp_path)), "--out", str(bundle))
    data = json.loads(bundle.read_text(encoding="utf-8"))
    Bundle.model_validate(data)
    kinds = {entry["resource"]["resourceType"] for entry in data["entry"]}
    assert data["type"] == "collection"
    assert kinds == {
        "Questionnaire",
        "Patient",
        "Practitioner",
        "QuestionnaireResponse",
        "Observation",
    }
    assert "12 QuestionnaireResponse" in result.stderr and result.stdout == ""


def test_a_simulated_clinic_comes_back_byte_for_byte(tmp_path):
    simulated = CliRunner().invoke(
        main, ["simulate", "--clients", "4", "--seed", "11", "--out", str(tmp_path)]
    )
    assert simulated.exit_code == 0, simulated.output
    answers, bundle = tmp_path / "answers.csv", tmp_path / "bundle.json"
    run("export", str(answers), "--out", str(bundle))
    assert run("import", str(bundle)).stdout == answers.read_text(encoding="utf-8")


def test_import_as_json_gives_one_object_per_answer(tmp_path):
    bundle = tmp_path / "bundle.json"
    run("export", str(answers_file(tmp_path, ("gad-7",))), "--out", str(bundle))
    records = json.loads(run("import", str(bundle), "--format", "json").stdout)
    assert len(records) == 2 * 2 * 7
    assert records[0] == {
        "client_id": "c-001",
        "session": "1",
        "instrument": "gad-7",
        "item": "1",
        "value": records[0]["value"],
        "respondent": "client",
        "therapist_id": "t-01",
        "date": "2026-03-02",
    }


def test_export_of_a_bad_answer_file_fails_naming_the_row_and_writes_nothing(tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "client_id,session,instrument,item,value\nc1,1,phq-9,1,7\n", encoding="utf-8"
    )
    result = run("export", str(answers), "--out", str(tmp_path / "bundle.json"))
    assert result.exit_code == 1
    assert "row 1: instrument phq-9, item 1: value '7' is not one of 0, 1, 2, 3" in result.stderr
    assert not (tmp_path / "bundle.json").exists()


def test_export_of_a_missing_file_fails_cleanly(tmp_path):
    result = run("export", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "b.json"))
    assert result.exit_code == 1 and "nope.csv: no such file" in result.stderr


def test_import_of_a_bad_bundle_lists_every_problem_on_stderr(tmp_path):
    bundle = tmp_path / "bundle.json"
    bundle.write_text(
        json.dumps(
            {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [
                    {
                        "resource": {
                            "resourceType": "QuestionnaireResponse",
                            "status": "in-progress",
                        }
                    },
                    {"resource": {"resourceType": "QuestionnaireResponse", "status": 5}},
                ],
            }
        ),
        encoding="utf-8",
    )
    result = run("import", str(bundle))
    assert result.exit_code == 1 and result.stdout == ""
    assert "entry 1 (QuestionnaireResponse): status is 'in-progress'" in result.stderr
    assert (
        "entry 2 (QuestionnaireResponse): status: Input should be a valid string" in result.stderr
    )


def test_import_of_a_missing_or_broken_file_fails_cleanly(tmp_path):
    assert "nope.json: no such file" in run("import", str(tmp_path / "nope.json")).stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert "Bundle: not valid JSON" in run("import", str(broken)).stderr


def test_export_to_a_folder_that_does_not_exist_fails_cleanly(tmp_path):
    result = run("export", str(answers_file(tmp_path)), "--out", str(tmp_path / "no" / "b.json"))
    assert result.exit_code == 1 and "b.json: cannot write" in result.stderr


def test_questionnaire_prints_the_shipped_structure_ready_for_licensed_wording():
    from alliance.interop.fhir import read_wording

    result = run("questionnaire", "gad-7")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert found["url"] == "https://alliance.invalid/fhir/Questionnaire/gad-7"
    for item in found["item"]:
        item["text"] = f"Made-up question {item['linkId']}"
    assert read_wording(found, language="en").texts["en"]["7"] == "Made-up question 7"


def test_questionnaire_of_an_unknown_instrument_fails_naming_the_known_ones():
    result = run("questionnaire", "core-10")
    assert result.exit_code == 1 and "unknown instrument 'core-10' (known: " in result.stderr


def test_questionnaire_in_spanish_names_its_language_and_has_spanish_texts():
    result = run("questionnaire", "gad-7", "--language", "es")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    spanish = get_instrument("gad-7").in_language("es")
    assert found["language"] == "es"
    assert [item["text"] for item in found["item"]] == [item.label for item in spanish.items]


def test_questionnaire_in_a_language_the_instrument_lacks_fails_naming_the_option():
    result = run("questionnaire", "gad-7", "--language", "fr")
    assert result.exit_code == 1 and result.stdout == ""
    assert "--language: gad-7 has no wording in 'fr'; it has en, es" in result.stderr
