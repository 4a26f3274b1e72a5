"""A licensed Questionnaire supplies the wording of a shipped instrument, once checked against its
structure. The wording here is made up: the project never ships another author's."""

from __future__ import annotations

import copy

import pytest

from alliance.interop.fhir import FhirError, Wording, questionnaire, read_wording

TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"


def translated(lang: str, content: str) -> dict:
    parts = [{"url": "lang", "valueCode": lang}, {"url": "content", "valueString": content}]
    return {"extension": [{"url": TRANSLATION, "extension": parts}]}


def licensed(instrument: str = "gad-7") -> dict:
    """The shipped Questionnaire with made-up wording in English and German, as a licensor's."""
    found = questionnaire(instrument)
    found["language"] = "en"
    for item in found["item"]:
        item["text"] = f"Made-up question {item['linkId']}"
        item["_text"] = translated("de", f"Erfundene Frage {item['linkId']}")
        for option in item.get("answerOption", []):
            option["valueCoding"]["display"] = (
                f"made-up answer {option['extension'][0]['valueDecimal']}"
            )
    return found


def refusals(resource, instrument: str | None = None, **kwargs) -> list[str]:
    with pytest.raises(FhirError) as caught:
        read_wording(resource, instrument, **kwargs)
    return [str(problem) for problem in caught.value.problems]


def test_it_reads_the_item_wording_in_each_language():
    wording = read_wording(licensed())
    assert (wording.instrument, wording.version, wording.languages) == ("gad-7", "1", ["de", "en"])
    assert wording.texts["en"]["3"] == "Made-up question 3"
    assert wording.texts["de"]["7"] == "Erfundene Frage 7"


def test_it_reads_the_answer_wording_by_value():
    assert read_wording(licensed()).options["en"]["1"] == {
        n: f"made-up answer {n}" for n in range(4)
    }


def test_the_wording_survives_storing_as_json():
    wording = read_wording(licensed())
    assert Wording.from_json(wording.as_json()) == wording


def test_a_loinc_form_with_groups_link_ids_by_code_and_a_total_is_understood():
    found = licensed("phq-9")
    del found["url"]
    for item in found["item"]:
        item["linkId"] = "/" + item["code"][0]["code"]
    total = {
        "linkId": "/44261-6",
        "code": [{"system": "http://loinc.org", "code": "44261-6"}],
        "text": "Made-up total",
        "type": "integer",
    }
    note = {"linkId": "intro", "text": "Made-up introduction", "type": "display"}
    found["item"] = [note, {"linkId": "g", "type": "group", "item": found["item"]}, total]
    wording = read_wording(found)
    assert wording.instrument == "phq-9" and sorted(wording.texts["en"], key=int) == [
        str(n) for n in range(1, 10)
    ]


def test_the_language_may_be_given_when_the_questionnaire_does_not_say():
    found = licensed()
    del found["language"]
    assert read_wording(found, language="fr").languages == ["de", "fr"]
    assert refusals(found) == [
        "Questionnaire https://alliance.invalid/fhir/Questionnaire/gad-7: "
        "no language: set Questionnaire.language or give the language"
    ]


def test_a_questionnaire_of_no_shipped_instrument_is_refused():
    found = licensed()
    found["url"], found["code"] = "https://other.example/q/core-10", []
    assert "not a shipped instrument" in refusals(found)[0]


def test_an_instrument_worded_by_this_project_takes_no_import():
    assert "alliance-checkin is worded by this project" in refusals(licensed("alliance-checkin"))[0]


def test_what_is_not_a_questionnaire_is_refused():
    assert refusals({"resourceType": "Patient"})[0].endswith(
        "resourceType is 'Patient', not Questionnaire"
    )
    assert "status: Input should be a valid string" in refusals({**licensed(), "status": 3})[0]


def mangled(change) -> dict:
    found = licensed()
    change(found["item"])
    return found


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda items: items.pop(3), "item 4: gad-7 item 4 is missing"),
        (
            lambda items: items.append({**copy.deepcopy(items[0]), "linkId": "8", "code": []}),
            "item 8: not an item of gad-7",
        ),
        (
            lambda items: items.append(copy.deepcopy(items[0])),
            "item 1: a second item for gad-7 item 1",
        ),
        (
            lambda items: items[1].update(type="text"),
            "item 2: type 'text'; the shipped item is a choice item",
        ),
        (lambda items: items[1].update(text=" "), "item 2: no text: there is no wording to import"),
        (
            lambda items: items[1]["code"][0].update(code="69725-0"),
            "item 2: code 69725-0; the shipped item has 68509-9",
        ),
        (
            lambda items: items[1]["answerOption"].pop(),
            "item 2: answer options 0, 1, 2; the shipped item has 0, 1, 2, 3",
        ),
        (
            lambda items: items[1]["answerOption"][0].update(
                valueCoding={"system": "urn:x", "code": "a"}
            ),
            "item 2: answer options ?, 1, 2, 3; the shipped item has 0, 1, 2, 3",
        ),
        (
            lambda items: items[1].update(
                answerOption=None, answerValueSet="http://loinc.org/vs/LL358-3"
            ),
            "item 2: answers given by answerValueSet: list them as answerOption to be checked",
        ),
    ],
)
def test_a_questionnaire_that_does_not_match_the_shipped_structure_is_refused(change, expected):
    found = mangled(change)
    found["item"] = [{k: v for k, v in item.items() if v is not None} for item in found["item"]]
    problems = refusals(found)
    assert any(problem.endswith(expected) for problem in problems), problems


def test_items_out_of_the_shipped_order_are_refused():
    found = mangled(lambda items: items.insert(0, items.pop()))
    assert refusals(found)[0].endswith(
        "items in the order 7, 1, 2, 3, 4, 5, 6; the shipped order differs"
    )


def test_every_mismatch_is_listed():
    found = mangled(lambda items: (items[0].update(text=" "), items.pop()))
    assert len(refusals(found)) == 2


def test_options_given_as_integers_are_checked_by_value():
    found = licensed()
    for item in found["item"]:
        item["answerOption"] = [{"valueInteger": n} for n in range(4)]
    assert read_wording(found).texts["en"]["1"] == "Made-up question 1"
