"""Every shipped instrument as a FHIR Questionnaire: structure, codes, options, own labels."""

from __future__ import annotations

from alliance.measures import Instrument, Item, get_instrument, list_instruments
from alliance.measures.model import Option, Translations

from . import codes
from .validation import checked


def questionnaire(instrument: Instrument | str, language: str = "en") -> dict:
    """The instrument as a validated Questionnaire (a JSON-ready dict), its texts in
    `language`. The project's own instruments carry each text's other languages in translation
    extensions; a standard one does not, so its short labels in another language are never
    sent back as if they were the licensed wording a clinic imports."""
    inst = instrument if isinstance(instrument, Instrument) else get_instrument(instrument)
    inst.check_language(language)
    words = _Words(language, translations=inst.wording == "own")
    title = inst.title_in(language)
    resource = {
        "resourceType": "Questionnaire",
        "id": inst.id,
        "language": language,
        "url": codes.questionnaire_url(inst),
        "version": inst.version,
        "name": codes.resource_name(inst),
        **words.element("title", inst.title, inst.title_translations),
        "status": "active",
        "subjectType": ["Patient"],
        "description": f"{title}. Source: {inst.source}",
        "copyright": inst.licence,
        "code": [codes.instrument_coding(inst)],
        "item": [
            _goal_group(inst, words) if inst.open_items else _question(inst, i, words)
            for i in inst.items
        ],
    }
    return checked(resource, f"Questionnaire {inst.id}")


def questionnaires(language: str = "en") -> list[dict]:
    """A Questionnaire for every shipped instrument, ordered by id."""
    return [questionnaire(inst, language) for inst in list_instruments()]


class _Words:
    """An instrument's texts in one language, with the others as FHIR translation extensions
    (the form the clinic's wording import reads) when `translations`."""

    def __init__(self, language: str, *, translations: bool):
        self.language = language
        self.translations = translations

    def element(self, name: str, english: str, translations: Translations) -> dict:
        every = {"en": english, **dict(translations)}
        shown = every.get(self.language, english)
        others = [(lang, text) for lang, text in every.items() if lang != self.language]
        if not (others and self.translations):
            return {name: shown}
        return {name: shown, f"_{name}": {"extension": [_translation(*o) for o in others]}}


def _translation(language: str, text: str) -> dict:
    return {
        "url": codes.TRANSLATION_EXTENSION,
        "extension": [
            {"url": "lang", "valueCode": language},
            {"url": "content", "valueString": text},
        ],
    }


def _question(inst: Instrument, item: Item, words: _Words, link_id: str | None = None) -> dict:
    question = {
        "linkId": link_id or item.id,
        "code": [codes.item_coding(inst, item)],
        **words.element("text", item.label, item.translations),
        "type": "text" if item.kind == "text" else "choice",
        "required": item.required,
    }
    if item.kind == "choice":
        question["answerOption"] = [_option(inst, o, words) for o in item.options]
    return question


def _option(inst: Instrument, option: Option, words: _Words) -> dict:
    coding = codes.answer_coding(inst, option.value, option.label)
    if "display" in coding and not option.is_number:
        coding.update(words.element("display", option.label, option.translations))
    return {
        "valueCoding": coding,
        "extension": [{"url": codes.ORDINAL_EXTENSION, "valueDecimal": option.value}],
    }


def _goal_group(inst: Instrument, words: _Words) -> dict:
    """Open items (one per client goal) repeat a group: which goal, then its rating."""
    item = inst.items[0]
    return {
        "linkId": item.id,
        **words.element("text", item.label, item.translations),
        "type": "group",
        "repeats": True,
        "item": [
            {
                "linkId": codes.GOAL_ID,
                "text": "The goal's code in the clinic (never its words)",
                "type": "string",
                "required": True,
            },
            _question(inst, item, words, codes.GOAL_RATING),
        ],
    }
