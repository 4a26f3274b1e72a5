"""Every shipped instrument as a FHIR Questionnaire: structure, codes, options, own labels.

The Questionnaire is written in one language (`Questionnaire.language`, English unless asked);
the instrument's texts in its other languages ride along on the same elements as FHIR's
translation extension, so one resource carries every language the instrument has."""

from __future__ import annotations

from alliance.measures import Instrument, Item, get_instrument, list_instruments

from . import codes
from .errors import FhirError, Problem
from .validation import checked

WRITTEN_IN = "en"  # every instrument file is written in English; other languages are translations


def questionnaire(instrument: Instrument | str, language: str = WRITTEN_IN) -> dict:
    """The instrument as a validated Questionnaire (a JSON-ready dict) written in `language`;
    FhirError when the instrument has no text in that language."""
    inst = instrument if isinstance(instrument, Instrument) else get_instrument(instrument)
    language = _spoken_language(inst, language)
    title = {WRITTEN_IN: inst.title, **dict(inst.title_translations)}
    resource = {
        "resourceType": "Questionnaire",
        "id": inst.id,
        "language": language,
        "url": codes.questionnaire_url(inst),
        "version": inst.version,
        "name": codes.resource_name(inst),
        **_worded("title", title, language),
        "status": "active",
        "subjectType": ["Patient"],
        "description": f"{title[language]}. Source: {inst.source}",
        "copyright": inst.licence,
        "code": [codes.instrument_coding(inst)],
        "item": [
            _goal_group(inst, language) if inst.open_items else _question(inst, i, language)
            for i in inst.items
        ],
    }
    return checked(resource, f"Questionnaire {inst.id}")


def questionnaires(language: str = WRITTEN_IN) -> list[dict]:
    """A Questionnaire for every shipped instrument, ordered by id, written in `language`."""
    return [questionnaire(inst, language) for inst in list_instruments()]


def languages_of(inst: Instrument) -> list[str]:
    """The languages the instrument has texts in: English first, then its translations."""
    return [WRITTEN_IN, *sorted({*inst.languages, *inst.named_languages} - {WRITTEN_IN})]


def _spoken_language(inst: Instrument, language: str) -> str:
    wanted = str(language).strip().lower()
    if wanted not in languages_of(inst):
        spoken = ", ".join(languages_of(inst))
        problem = f"no text in language {language!r}; it is written in {spoken}"
        raise FhirError([Problem(f"Questionnaire {inst.id}", problem)])
    return wanted


def _worded(field: str, texts: dict[str, str], language: str) -> dict:
    """The element in `language` (English where it has no translation), and `_element` with
    a translation extension for each of its other languages."""
    shown = texts.get(language, texts[WRITTEN_IN])
    others = [(lang, text) for lang, text in texts.items() if lang != language and text != shown]
    if not others:
        return {field: shown}
    return {field: shown, f"_{field}": {"extension": [_translation(*o) for o in others]}}


def _translation(language: str, text: str) -> dict:
    return {
        "url": codes.TRANSLATION_EXTENSION,
        "extension": [
            {"url": "lang", "valueCode": language},
            {"url": "content", "valueString": text},
        ],
    }


def _texts(text: str, translations) -> dict[str, str]:
    return {WRITTEN_IN: text, **dict(translations)}


def _question(inst: Instrument, item: Item, language: str, link_id: str | None = None) -> dict:
    question = {
        "linkId": link_id or item.id,
        "code": [codes.item_coding(inst, item)],
        **_worded("text", _texts(item.label, item.translations), language),
        "type": "text" if item.kind == "text" else "choice",
        "required": item.required,
    }
    if item.kind == "choice":
        question["answerOption"] = [_option(inst, o, language) for o in item.options]
    return question


def _option(inst: Instrument, option, language: str) -> dict:
    coding = codes.answer_coding(inst, option.value, option.label)
    if "display" in coding:
        coding.update(_worded("display", _texts(option.label, option.translations), language))
    return {
        "valueCoding": coding,
        "extension": [{"url": codes.ORDINAL_EXTENSION, "valueDecimal": option.value}],
    }


def _goal_group(inst: Instrument, language: str) -> dict:
    """Open items (one per client goal) repeat a group: which goal, then its rating."""
    item = inst.items[0]
    return {
        "linkId": item.id,
        **_worded("text", _texts(item.label, item.translations), language),
        "type": "group",
        "repeats": True,
        "item": [
            {
                "linkId": codes.GOAL_ID,
                "text": "The goal's code in the clinic (never its words)",
                "type": "string",
                "required": True,
            },
            _question(inst, item, language, codes.GOAL_RATING),
        ],
    }
