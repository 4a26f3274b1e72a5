"""The project's canonical URLs, code systems and extensions, and the outside systems it uses."""

from __future__ import annotations

import re
import uuid

from alliance.measures import Instrument, Item

# Canonical URLs identify definitions; they need not resolve. `.invalid` is reserved, so the
# project's own names can never clash with anyone else's until it publishes them somewhere.
BASE = "https://alliance.invalid/fhir"
CODE_SYSTEM = f"{BASE}/CodeSystem/alliance"
ANSWER_SYSTEM = f"{BASE}/CodeSystem/answer-value"
BAND_SYSTEM = f"{BASE}/CodeSystem/band"
CLIENT_SYSTEM = f"{BASE}/sid/client-code"
THERAPIST_SYSTEM = f"{BASE}/sid/therapist-code"
SESSION_EXTENSION = f"{BASE}/StructureDefinition/session"

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ORDINAL_EXTENSION = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
TRANSLATION_EXTENSION = "http://hl7.org/fhir/StructureDefinition/translation"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
MEDIA_TYPE = "application/fhir+json"

GOAL_ID = "goal-id"
GOAL_RATING = "goal-rating"

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)


def questionnaire_url(instrument: Instrument) -> str:
    return f"{BASE}/Questionnaire/{instrument.id}"


def versioned_url(instrument: Instrument) -> str:
    return f"{questionnaire_url(instrument)}|{instrument.version}"


def urn(*parts: object) -> str:
    """A stable `urn:uuid:` for a resource, so the same answers always give the same Bundle."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, '|'.join(map(str, parts)))}"


def item_coding(instrument: Instrument, item: Item) -> dict:
    loinc = instrument.codes.items.get(item.id)
    if loinc and instrument.codes.system == LOINC:
        return {"system": LOINC, "code": loinc}
    return {"system": CODE_SYSTEM, "code": f"{instrument.id}.item.{item.id}"}


def instrument_coding(instrument: Instrument) -> dict:
    if instrument.codes.panel and instrument.codes.system == LOINC:
        return {"system": LOINC, "code": instrument.codes.panel}
    return {"system": CODE_SYSTEM, "code": instrument.id, "display": instrument.title}


# LOINC codings carry no display: LOINC's displays are its own, ours are only short labels.


def score_coding(instrument: Instrument, scale_id: str) -> dict:
    """The total takes the total's LOINC code (never the panel's); the rest take the project's."""
    label = instrument.scale(scale_id).label
    if scale_id == "total" and instrument.codes.total and instrument.codes.system == LOINC:
        return {"system": LOINC, "code": instrument.codes.total}
    return {"system": CODE_SYSTEM, "code": f"{instrument.id}.{scale_id}", "display": label}


def answer_coding(instrument: Instrument, value: int, label: str) -> dict:
    loinc = instrument.codes.answers.get(value)
    if loinc and instrument.codes.system == LOINC:
        return {"system": LOINC, "code": loinc}
    return {"system": ANSWER_SYSTEM, "code": str(value), "display": label}


def band_code(band: str) -> str:
    return re.sub(r"\s+", "-", band.strip())


def resource_name(instrument: Instrument) -> str:
    """A computer-friendly name, as FHIR asks (`gad-7` becomes `Gad7`)."""
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", instrument.id))
