"""Check resources against the FHIR R4B models of `fhir.resources` (R4-compatible here)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from pydantic import ValidationError

from .errors import FhirError, Problem


def problems_of(resource: dict, name: str) -> list[Problem]:
    """What the R4B model of the resource's type finds wrong with it, each naming the field."""
    kind = resource.get("resourceType") if isinstance(resource, dict) else None
    if not isinstance(kind, str):
        return [Problem(name, "not a FHIR resource (no resourceType)")]
    try:
        model = get_fhir_model_class(kind)
    except ValueError:
        return [Problem(name, f"unknown resourceType {kind!r}")]
    try:
        model.model_validate(resource)
    except ValidationError as error:
        return [
            Problem(name, _described(detail), item=_item_named(resource, detail["loc"]))
            for detail in error.errors()
        ]
    return []


def checked(resource: dict, name: str | None = None) -> dict:
    """The resource itself, or FhirError when the R4B model refuses it."""
    problems = problems_of(resource, name or resource.get("resourceType", "resource"))
    if problems:
        raise FhirError(problems)
    return resource


def parsed(document: str | bytes | dict, name: str) -> dict:
    """A JSON document as a dict; text that is not a JSON object is refused, naming it."""
    if isinstance(document, dict):
        return document
    try:
        found = json.loads(document)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise FhirError([Problem(name, f"not valid JSON ({error})")]) from None
    if not isinstance(found, dict):
        raise FhirError([Problem(name, "not a JSON object")])
    return found


def _described(detail: Mapping[str, Any]) -> str:
    field = ".".join(str(part) for part in detail["loc"]) or "(resource)"
    return f"{field}: {detail['msg']}"


def _item_named(resource: dict, location: tuple) -> str | None:
    """The linkId of the innermost item a model error is in, so the message names the item."""
    found: str | None = None
    node: Any = resource
    parent_key: object = None
    for step in location:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and step < len(node) else None
        else:
            node = node.get(step) if isinstance(node, dict) else None
        if isinstance(step, int) and parent_key == "item" and isinstance(node, dict):
            found = str(node.get("linkId"))
        parent_key = step
    return found
