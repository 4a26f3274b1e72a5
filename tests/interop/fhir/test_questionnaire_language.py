"""A Questionnaire is written in one language (`Questionnaire.language`) and carries the
instrument's other languages as FHIR's translation extension; R4B models accept both."""

from __future__ import annotations

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire

from alliance.interop import fhir
from alliance.interop.fhir.codes import TRANSLATION_EXTENSION
from alliance.measures import get_instrument, list_instruments


def _translations(element: dict | None) -> dict[str, str]:
    found = {}
    for extension in (element or {}).get("extension", []):
        assert extension["url"] == TRANSLATION_EXTENSION
        parts = {part["url"]: part for part in extension["extension"]}
        found[parts["lang"]["valueCode"]] = parts["content"]["valueString"]
    return found


def test_spanish_is_the_questionnaires_own_text_with_english_as_its_translation():
    inst = get_instrument("phq-9")
    spanish = fhir.questionnaire("phq-9", "es")
    Questionnaire.model_validate(spanish)
    assert spanish["language"] == "es"
    assert spanish["title"] == inst.title_in("es") != inst.title
    assert _translations(spanish["_title"]) == {"en": inst.title}
    for question, item in zip(spanish["item"], inst.items, strict=True):
        assert question["text"] == item.in_language("es").label
        assert _translations(question["_text"]) == {"en": item.label}


def test_english_stays_the_default_with_spanish_as_its_translation():
    inst = get_instrument("gad-7")
    english = fhir.questionnaire("gad-7")
    Questionnaire.model_validate(english)
    assert english["language"] == "en" and english["title"] == inst.title
    question, item = english["item"][0], inst.items[0]
    assert question["text"] == item.label
    assert _translations(question["_text"]) == {"es": item.in_language("es").label}


def test_worded_answers_carry_their_translations_on_the_display():
    inst = get_instrument("alliance-checkin")
    spanish = fhir.questionnaire(inst, "es")
    worded = [
        (option, question)
        for question in spanish["item"]
        for option in question.get("answerOption", [])
        if "_display" in option["valueCoding"]
    ]
    assert worded, "the check-in has worded answers"
    for option, _question in worded:
        coding = option["valueCoding"]
        assert set(_translations(coding["_display"])) == {"en"}
        assert coding["display"] != _translations(coding["_display"])["en"]


@pytest.mark.parametrize("inst", list_instruments(), ids=lambda i: i.id)
def test_every_shipped_instrument_is_valid_in_spanish(inst):
    Questionnaire.model_validate(fhir.questionnaire(inst, "es"))


IMPORTABLE = [i for i in list_instruments() if i.wording != "own" and not i.open_items]


@pytest.mark.parametrize("inst", IMPORTABLE, ids=lambda i: i.id)
def test_a_labelled_instrument_reads_back_in_both_languages(inst):
    spanish = fhir.questionnaire(inst, "es")
    wording = fhir.read_wording(spanish)
    assert wording.language == "es"
    assert wording.texts["es"] == {i.id: i.in_language("es").label for i in inst.items}
    assert wording.texts["en"] == {i.id: i.label for i in inst.items}


def test_a_language_the_instrument_lacks_is_named():
    with pytest.raises(fhir.FhirError) as raised:
        fhir.questionnaire("phq-9", "fr")
    assert str(raised.value) == (
        "Questionnaire phq-9: no text in language 'fr'; it is written in en, es"
    )
