"""The outcome part of the client page, as an API record."""

from __future__ import annotations


def outcome_record(client, context: dict) -> dict:
    status, track, dropout = context["outcome_status"], context["track"], context["dropout"]
    return {
        "client": client.code,
        "changes": [_change(change) for change in status.changes] if status else [],
        "recovery": status.recovery if status else "",
        "recovery_words": status.recovery_words if status else "",
        "track": _track(track) if track else None,
        "alliance_trend": context["alliance_trend"],
        "dropout": {
            "level": dropout.level,
            "reasons": list(dropout.reasons),
            "note": dropout.note,
        },
    }


def _change(change) -> dict:
    fields = ("measure", "intake", "latest", "category", "words")
    return {name: getattr(change, name) for name in fields}


def _track(track) -> dict:
    fields = ("status", "session", "outcome", "expected", "lower", "upper", "default_curve")
    return {**{name: getattr(track, name) for name in fields}, "words": track.words}
