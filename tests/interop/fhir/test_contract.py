"""Every shipped instrument keeps the FHIR contract: its Questionnaire validates, its answers
go out as a Bundle that validates and come back exactly, and LOINC codes sit where they belong."""

from __future__ import annotations

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire

from alliance.interop.fhir import export_bundle, questionnaire, questionnaires, read_bundle
from alliance.interop.fhir.codes import BASE, CODE_SYSTEM, LOINC
from alliance.measures import Instrument, list_instruments, score_answers
from tests.interop.fhir.helpers import answer_rows

INSTRUMENTS = list_instruments()
LOINC_CODES = {  # docs/science.md §3
    "phq-9": ("44249-1", "44261-6"),
    "gad-7": ("69737-5", "70274-6"),
}
ANSWER_CODES = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]


@pytest.fixture(params=INSTRUMENTS, ids=lambda inst: inst.id)
def inst(request) -> Instrument:
    return request.param


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def questions(items: list[dict]) -> list[dict]:
    found = []
    for item in items:
        found += questions(item["item"]) if item["type"] == "group" else [item]
    return found


def test_there_is_one_questionnaire_per_shipped_instrument():
    assert [q["id"] for q in questionnaires()] == [inst.id for inst in INSTRUMENTS]


def test_its_questionnaire_validates_and_names_its_canonical_url_and_version(inst):
    resource = questionnaire(inst)
    Questionnaire.model_validate(resource)
    assert resource["url"] == f"{BASE}/Questionnaire/{inst.id}"
    assert resource["version"] == inst.version and resource["status"] == "active"


def test_its_questionnaire_offers_exactly_the_shipped_answer_options(inst):
    items = questions(questionnaire(inst)["item"])
    choice = [item for item in items if item["type"] == "choice"]
    assert len(choice) == len(inst.scored_items)
    for found, shipped in zip(choice, inst.scored_items, strict=True):
        ordinals = [o["extension"][0]["valueDecimal"] for o in found["answerOption"]]
        assert ordinals == list(shipped.values)
        assert found["required"] == shipped.required


def test_its_items_carry_loinc_codes_where_they_exist_and_the_projects_codes_elsewhere(inst):
    resource = questionnaire(inst)
    items = [i for i in questions(resource["item"]) if i["linkId"] != "goal-id"]
    if inst.id in LOINC_CODES:
        assert resource["code"] == [{"system": LOINC, "code": LOINC_CODES[inst.id][0]}]
        assert [i["code"][0]["code"] for i in items] == list(inst.codes.items.values())
        for item in items:
            assert [o["valueCoding"]["code"] for o in item["answerOption"]] == ANSWER_CODES
    else:
        assert resource["code"][0]["system"] == CODE_SYSTEM
        assert {i["code"][0]["system"] for i in items} == {CODE_SYSTEM}


def test_its_answers_go_out_as_a_bundle_that_validates_and_come_back_exactly(inst):
    answers = answer_rows(inst)
    bundle = export_bundle(answers)
    Bundle.model_validate(bundle)
    back = read_bundle(bundle)
    assert back.to_dict("records") == answers.to_dict("records")


def test_its_bundle_holds_one_response_per_administration_and_an_observation_per_score(inst):
    answers = answer_rows(inst, sessions=3)
    bundle = export_bundle(answers)
    assert len(resources(bundle, "QuestionnaireResponse")) == 2 * 3
    assert len(resources(bundle, "Observation")) == 2 * 3 * len(inst.scales)
    assert len(resources(bundle, "Patient")) == 2 and len(resources(bundle, "Questionnaire")) == 1


def test_its_observations_hold_the_scores_the_scorer_gives(inst):
    answers = answer_rows(inst)
    scored = score_answers(answers)
    observations = resources(export_bundle(answers), "Observation")
    by_code = {}
    for obs in observations:
        by_code.setdefault(obs["code"]["coding"][0]["code"], []).append(
            obs["valueQuantity"]["value"]
        )
    for scale in inst.scales:
        code = _score_code(inst, scale.id)
        assert by_code[code] == pytest.approx(list(scored[scale.id].round(4)))


def _score_code(inst: Instrument, scale_id: str) -> str:
    if inst.id in LOINC_CODES and scale_id == "total":
        return LOINC_CODES[inst.id][1]
    return f"{inst.id}.{scale_id}"


def test_a_score_observation_uses_the_total_code_never_the_panel_code(inst):
    observations = resources(export_bundle(answer_rows(inst)), "Observation")
    used = {obs["code"]["coding"][0]["code"] for obs in observations}
    assert inst.codes.panel not in used
    if inst.id in LOINC_CODES:
        assert LOINC_CODES[inst.id][1] in used


def test_the_banded_score_carries_its_band_as_an_interpretation(inst):
    answers = answer_rows(inst)
    bands = list(score_answers(answers)["band"])
    observations = resources(export_bundle(answers), "Observation")
    banded = [obs for obs in observations if "interpretation" in obs]
    assert [obs["interpretation"][0]["text"] for obs in banded] == (
        bands if inst.band_scale else []
    )
