"""Record reads and changes of a client's record; the target names a row, never its contents.

`record_read` is the one way a page, report, file or API call notes that someone looked at a
client's record. It writes and commits its row before the record is read, so a failed audit write
fails the request and nothing is shown unaudited.
"""

from __future__ import annotations

from .models import AuditEvent, AuditKind, Client


def record_read(
    request, client: Client | None, what: str, target: object = None, *, kind: str = AuditKind.READ
) -> AuditEvent:
    """One read (or export) row: the user and address from the request, which client, what."""
    found = event(request.user, client, what, target, kind=kind, ip=client_address(request))
    found.save()
    return found


def record_export(request, client: Client | None, what: str, target: object = None) -> AuditEvent:
    """A file leaving the system: a report PDF, a subject-access export."""
    return record_read(request, client, what, target, kind=AuditKind.EXPORT)


def record(actor, client: Client | None, action: str, target: object = None, **extra) -> AuditEvent:
    """One audit row: who (None for the client through a link), what, which client, which row."""
    found = event(actor, client, action, target, **extra)
    found.save()
    return found


def event(
    actor,
    client: Client | None,
    action: str,
    target: object = None,
    *,
    kind: str = AuditKind.CHANGE,
    ip: str | None = None,
) -> AuditEvent:
    """The audit row `record` would write, unsaved, for writing many in one insert."""
    known = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent(
        actor=known,
        actor_name=known.get_username() if known else "",
        client=client,
        client_code=client.code if client else "",
        kind=kind,
        action=action,
        target=_target(target),
        ip=ip,
    )


def client_address(request) -> str | None:
    """The address the request came from, as the server saw it (a proxy's own address unless
    the proxy is the one setting REMOTE_ADDR, as gunicorn does behind one)."""
    return request.META.get("REMOTE_ADDR") or None


def _target(target: object) -> str:
    if target is None:
        return ""
    if hasattr(target, "_meta") and hasattr(target, "pk"):
        return f"{target._meta.model_name}:{target.pk}"
    return str(target)[:100]


def record_account(request, action: str, target: object = None) -> AuditEvent:
    """A change to a staff account or team (role, supervision, password, two-factor device)."""
    found = event(request.user, None, action, target, kind=AuditKind.ACCOUNT)
    found.ip = client_address(request)
    found.save()
    return found
