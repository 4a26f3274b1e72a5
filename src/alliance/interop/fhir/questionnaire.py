"""Every shipped instrument as a FHIR Questionnaire: structure, codes, options, own labels."""

from __future__ import annotations

from alliance.measures import Instrument, Item, get_instrument, list_instruments

from . import codes
from .validation import checked


def questionnaire(instrument: Instrument | str) -> dict:
    """The instrument as a validated Questionnaire (a JSON-ready dict)."""
    inst = instrument if isinstance(instrument, Instrument) else get_instrument(instrument)
    resource = {
        "resourceType": "Questionnaire",
        "id": inst.id,
        "url": codes.questionnaire_url(inst),
        "version": inst.version,
        "name": codes.resource_name(inst),
        "title": inst.title,
        "status": "active",
        "subjectType": ["Patient"],
        "description": f"{inst.title}. Source: {inst.source}",
        "copyright": inst.licence,
        "code": [codes.instrument_coding(inst)],
        "item": [_goal_group(inst) if inst.open_items else _question(inst, i) for i in inst.items],
    }
    return checked(resource, f"Questionnaire {inst.id}")


def questionnaires() -> list[dict]:
    """A Questionnaire for every shipped instrument, ordered by id."""
    return [questionnaire(inst) for inst in list_instruments()]


def _question(inst: Instrument, item: Item, link_id: str | None = None) -> dict:
    question = {
        "linkId": link_id or item.id,
        "code": [codes.item_coding(inst, item)],
        "text": item.label,
        "type": "text" if item.kind == "text" else "choice",
        "required": item.required,
    }
    if item.kind == "choice":
        question["answerOption"] = [_option(inst, o.value, o.label) for o in item.options]
    return question


def _option(inst: Instrument, value: int, label: str) -> dict:
    return {
        "valueCoding": codes.answer_coding(inst, value, label),
        "extension": [{"url": codes.ORDINAL_EXTENSION, "valueDecimal": value}],
    }


def _goal_group(inst: Instrument) -> dict:
    """Open items (one per client goal) repeat a group: which goal, then its rating."""
    item = inst.items[0]
    return {
        "linkId": item.id,
        "text": item.label,
        "type": "group",
        "repeats": True,
        "item": [
            {
                "linkId": codes.GOAL_ID,
                "text": "The goal's code in the clinic (never its words)",
                "type": "string",
                "required": True,
            },
            _question(inst, item, codes.GOAL_RATING),
        ],
    }
