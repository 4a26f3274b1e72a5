"""A shipped instrument as a Questionnaire in a chosen language: its texts in that language, the
project's own instruments with their other languages as translation extensions, and a standard
instrument's short labels never offered back as if they were licensed wording."""

from __future__ import annotations

import pytest

from alliance.interop.fhir import questionnaire, read_wording
from alliance.interop.fhir.codes import TRANSLATION_EXTENSION
from alliance.measures import get_instrument


def _translations(element: dict) -> dict[str, str]:
    found = {}
    for extension in element.get("extension", []):
        assert extension["url"] == TRANSLATION_EXTENSION
        parts = {part["url"]: part for part in extension["extension"]}
        found[parts["lang"]["valueCode"]] = parts["content"]["valueString"]
    return found


def test_english_is_the_default_and_named():
    assert questionnaire("phq-9")["language"] == "en"
    assert questionnaire("phq-9") == questionnaire("phq-9", "en")


def test_a_standard_instrument_in_spanish_has_spanish_texts_and_no_translations():
    found = questionnaire("phq-9", "es")
    inst = get_instrument("phq-9").in_language("es")
    assert found["language"] == "es"
    assert found["title"] == get_instrument("phq-9").title_in("es")
    assert [item["text"] for item in found["item"]] == [item.label for item in inst.items]
    assert "_title" not in found and all("_text" not in item for item in found["item"])


def test_spanish_short_labels_read_back_as_spanish_only():
    wording = read_wording(questionnaire("gad-7", "es"))
    assert wording.language == "es" and wording.languages == ["es"]
    spanish = get_instrument("gad-7").in_language("es")
    assert wording.texts["es"] == {item.id: item.label for item in spanish.items}


def test_the_projects_own_instrument_carries_its_other_language():
    inst = get_instrument("alliance-checkin")
    english, spanish = questionnaire(inst), questionnaire(inst, "es")
    first_en, first_es = english["item"][0], spanish["item"][0]
    assert first_en["text"] == inst.items[0].label
    assert _translations(first_en["_text"]) == {"es": inst.items[0].in_language("es").label}
    assert first_es["text"] == inst.items[0].in_language("es").label
    assert _translations(first_es["_text"]) == {"en": inst.items[0].label}
    worded = next(o for o in first_es["answerOption"] if "_display" in o["valueCoding"])
    assert _translations(worded["valueCoding"]["_display"]) == {"en": "0 - not at all"}


def test_a_language_the_instrument_lacks_is_an_error_naming_it():
    with pytest.raises(ValueError, match=r"language: phq-9 has no wording in 'fr'; it has en, es"):
        questionnaire("phq-9", "fr")
