"""Database rows as API records."""

from __future__ import annotations

from alliance.web.clinic.models import (
    Alert,
    Client,
    Episode,
    Goal,
    Response,
    Rupture,
    Session,
    Task,
)

from .contact import contact
from .links import alert_url, client_url, rupture_url, session_url


def client_record(client: Client, viewer=None) -> dict:
    return {
        "code": client.code,
        "display_name": client.display_name,
        "therapist": client.therapist.username,
        "status": "in-care" if getattr(client, "in_care", True) else "ended",
        **contact(client, viewer),
        "language": client.language,
        "created_at": client.created_at,
        "url": client_url(client.code),
    }


def episode_record(episode: Episode) -> dict:
    return {
        "id": episode.pk,
        "started": episode.started,
        "ended": episode.ended,
        "ending": episode.ending,
    }


def session_record(session: Session, code: str) -> dict:
    return {
        "number": session.number,
        "date": session.date,
        "attendance": session.attendance,
        "episode": session.episode_id,
        "checkin_stored": bool(getattr(session, "checkin_stored", False)),
        "url": session_url(code, session.number),
    }


def response_record(response: Response) -> dict:
    return {
        "id": response.pk,
        "session": response.session.number,
        "instrument": response.instrument,
        "respondent": response.respondent,
        "submitted_at": response.submitted_at,
        "answers": response.answers,
        "scores": response.scores,
        "band": response.band,
        "flags": response.flags,
        "language": response.language,
    }


def goal_record(goal: Goal) -> dict:
    fields = ("text", "framing", "status", "priority", "therapist_agreement", "created_at")
    return {"id": goal.pk, **{name: getattr(goal, name) for name in fields}}


def task_record(task: Task) -> dict:
    fields = ("description", "rationale", "kind", "status", "created_at")
    return {"id": task.pk, "goal": task.goal_id, **{name: getattr(task, name) for name in fields}}


def alert_record(alert: Alert) -> dict:
    fields = ("kind", "severity", "message", "explanation", "figures", "created_at")
    return {
        "id": alert.pk,
        "client": alert.client.code,
        **{name: getattr(alert, name) for name in fields},
        "acknowledged_at": alert.acknowledged_at,
        "acknowledged_by": alert.acknowledged_by_name or None,
        "closed_at": alert.closed_at,
        "outcome": alert.outcome,
        "url": alert_url(alert.pk),
    }


def rupture_record(rupture: Rupture) -> dict:
    fields = ("onset_session", "lowest_session", "last_session", "depth", "dimensions", "status")
    by = rupture.recorded_by
    return {
        "id": rupture.pk,
        "client": rupture.client.code,
        **{name: getattr(rupture, name) for name in fields},
        "repair_session": rupture.repair_session,
        "detected_at": rupture.detected_at,
        "resolved_at": rupture.resolved_at,
        "alert": rupture.alert_id,
        "repair": {
            "kind": rupture.kind,
            "noticed": rupture.noticed,
            "strategies": rupture.strategies,
            "how_it_went": rupture.how_it_went,
            "recorded_by": by.username if by else None,
            "recorded_at": rupture.recorded_at,
        },
        "url": rupture_url(rupture.pk),
    }
