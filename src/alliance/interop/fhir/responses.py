"""An administration as a QuestionnaireResponse, and the people it refers to."""

from __future__ import annotations

from alliance.measures import Instrument

from . import codes
from .administrations import Administration


def patient(client_id: str) -> tuple[str, dict]:
    """A pseudonymous Patient: the client code as its one identifier, and nothing else."""
    resource = {
        "resourceType": "Patient",
        "identifier": [{"system": codes.CLIENT_SYSTEM, "value": client_id}],
    }
    return codes.urn("Patient", client_id), resource


def practitioner(therapist_id: str) -> tuple[str, dict]:
    resource = {
        "resourceType": "Practitioner",
        "identifier": [{"system": codes.THERAPIST_SYSTEM, "value": therapist_id}],
    }
    return codes.urn("Practitioner", therapist_id), resource


def response_urn(admin: Administration) -> str:
    return codes.urn("QuestionnaireResponse", *admin.key)


def response(admin: Administration) -> dict:
    """The answers of one administration; the subject is the client, the source who answered."""
    resource = {
        "resourceType": "QuestionnaireResponse",
        "extension": [{"url": codes.SESSION_EXTENSION, "valueInteger": admin.session}],
        "questionnaire": codes.versioned_url(admin.instrument),
        "status": "completed",
        "subject": _reference("Patient", admin.client_id),
    }
    if admin.date:
        resource["authored"] = admin.date
    if admin.language:
        resource["language"] = admin.language
    if admin.therapist_id:
        resource["author"] = _reference("Practitioner", admin.therapist_id)
    if admin.respondent_given:
        resource["source"] = source(admin)
    resource["item"] = [_item(admin.instrument, item, value) for item, value in admin.answers]
    return resource


def source(admin: Administration) -> dict:
    if admin.respondent == "client":
        return _reference("Patient", admin.client_id)
    if admin.therapist_id:
        return _reference("Practitioner", admin.therapist_id)
    return {"type": "Practitioner", "display": "the client's therapist (not named)"}


def _reference(kind: str, code: str) -> dict:
    return {"reference": codes.urn(kind, code), "type": kind}


def _item(inst: Instrument, item_id: str, value: int | str | None) -> dict:
    if inst.open_items:
        rating = _question(inst, inst.items[0].id, codes.GOAL_RATING, value)
        goal = {"linkId": codes.GOAL_ID, "answer": [{"valueString": item_id}]}
        return {"linkId": inst.items[0].id, "item": [goal, rating]}
    return _question(inst, item_id, item_id, value)


def _question(inst: Instrument, item_id: str, link_id: str, value: int | str | None) -> dict:
    found: dict = {"linkId": link_id}
    if value is None:
        return found
    item = inst.item(item_id)
    if item.kind == "text":
        found["answer"] = [{"valueString": str(value)}]
    else:
        label = next(option.label for option in item.options if option.value == value)
        found["answer"] = [{"valueCoding": codes.answer_coding(inst, int(value), label)}]
    return found
