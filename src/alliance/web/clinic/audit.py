"""Record changes to a client's record; the target names a row, never its contents."""

from __future__ import annotations

from .models import AuditEvent, Client


def record(actor, client: Client | None, action: str, target: object = None) -> AuditEvent:
    """One audit row: who (None for the client through a link), what, which client, which row."""
    found = event(actor, client, action, target)
    found.save()
    return found


def event(actor, client: Client | None, action: str, target: object = None) -> AuditEvent:
    """The audit row `record` would write, unsaved, for writing many in one insert."""
    return AuditEvent(
        actor=actor if actor is not None and actor.is_authenticated else None,
        client=client,
        action=action,
        target=_target(target),
    )


def _target(target: object) -> str:
    if target is None:
        return ""
    if hasattr(target, "_meta") and hasattr(target, "pk"):
        return f"{target._meta.model_name}:{target.pk}"
    return str(target)[:100]
