"""Resolve a QuestionnaireResponse's references to the client code and the therapist code."""

from __future__ import annotations

from . import codes

SYSTEMS = {"Patient": codes.CLIENT_SYSTEM, "Practitioner": codes.THERAPIST_SYSTEM}


class Unresolved(ValueError):
    """A reference that does not lead to a client or therapist code; the message says why."""


def index(entries: list[dict]) -> dict[str, dict]:
    """The Bundle's resources by fullUrl and by `Type/id`, as references name them."""
    found = {}
    for entry in entries:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            continue
        if entry.get("fullUrl"):
            found[entry["fullUrl"]] = resource
        if resource.get("id"):
            found[f"{resource.get('resourceType')}/{resource['id']}"] = resource
    return found


def person(reference: dict, resources: dict[str, dict]) -> tuple[str, str | None]:
    """(kind, code): kind is Patient or Practitioner, code None for a therapist not named."""
    target = reference.get("reference")
    if target in resources:
        return _from_resource(resources[target], target)
    if isinstance(reference.get("identifier"), dict):
        return _from_identifier(reference["identifier"], reference.get("type"))
    kind, _, logical_id = (target or "").partition("/")
    if kind in SYSTEMS and logical_id and "/" not in logical_id:
        return kind, logical_id  # this system's own Patient ids are client codes
    if not target and reference.get("type") == "Practitioner":
        return "Practitioner", None
    raise Unresolved(f"reference {target or reference!r} is not in the Bundle")


def _from_resource(resource: dict, target: str) -> tuple[str, str]:
    kind = resource.get("resourceType")
    if kind not in SYSTEMS:
        raise Unresolved(f"{target} is a {kind}, not a Patient or Practitioner")
    for identifier in resource.get("identifier") or []:
        if identifier.get("system") == SYSTEMS[kind] and identifier.get("value"):
            return kind, identifier["value"]
    raise Unresolved(f"{kind} {target} has no identifier with system {SYSTEMS[kind]}")


def _from_identifier(identifier: dict, kind: str | None) -> tuple[str, str]:
    for known, system in SYSTEMS.items():
        if identifier.get("system") == system and identifier.get("value"):
            if kind not in (None, known):
                raise Unresolved(f"identifier system {system} belongs to a {known}, not a {kind}")
            return known, identifier["value"]
    raise Unresolved(
        f"identifier system {identifier.get('system')!r} is not a client or therapist code"
    )
