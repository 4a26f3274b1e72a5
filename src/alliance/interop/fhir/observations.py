"""Each score of an administration as an Observation: the total and every subscale."""

from __future__ import annotations

import math

from . import codes
from .administrations import Administration
from .responses import response_urn, source

SURVEY = {"coding": [{"system": codes.CATEGORY_SYSTEM, "code": "survey", "display": "Survey"}]}


def observations(admin: Administration, scores: dict) -> list[tuple[str, dict]]:
    """One (urn, Observation) per scale that has a score; withheld scales have none."""
    found = []
    for scale_id in admin.instrument.scale_ids:
        value = scores.get(scale_id)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        band = scores.get("band") if scale_id == admin.instrument.band_scale else None
        found.append(
            (codes.urn("Observation", *admin.key, scale_id), _one(admin, scale_id, value, band))
        )
    return found


def _one(admin: Administration, scale_id: str, value: float, band: str | None) -> dict:
    resource = {
        "resourceType": "Observation",
        "extension": [{"url": codes.SESSION_EXTENSION, "valueInteger": admin.session}],
        "status": "final",
        "category": [SURVEY],
        "code": {"coding": [codes.score_coding(admin.instrument, scale_id)]},
        "subject": {"reference": codes.urn("Patient", admin.client_id), "type": "Patient"},
    }
    if admin.date:
        resource["effectiveDateTime"] = admin.date
    if admin.respondent_given:
        resource["performer"] = [source(admin)]
    resource["valueQuantity"] = _quantity(value)
    if isinstance(band, str) and band:
        resource["interpretation"] = [_band(band)]
    resource["derivedFrom"] = [{"reference": response_urn(admin), "type": "QuestionnaireResponse"}]
    return resource


def _quantity(value: float) -> dict:
    number = int(value) if float(value).is_integer() else round(float(value), 4)
    return {"value": number, "unit": "{score}", "system": codes.UCUM, "code": "{score}"}


def _band(band: str) -> dict:
    coding = {"system": codes.BAND_SYSTEM, "code": codes.band_code(band), "display": band}
    return {"coding": [coding], "text": band}
