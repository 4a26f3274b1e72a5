"""What the API answers with: plain records, codes instead of database ids for clients."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class ClientOut(Schema):
    code: str
    display_name: str
    therapist: str
    status: str  # "in-care" while an episode is open, else "ended"
    email: str | None = None
    mobile: str | None = None
    delivery: str | None = None
    language: str  # the check-in's language, one of the LANGUAGES setting
    created_at: dt.datetime
    url: str


class EpisodeOut(Schema):
    id: int
    started: dt.date
    ended: dt.date | None
    ending: str


class SessionOut(Schema):
    number: int
    date: dt.date
    attendance: str
    episode: int
    checkin_stored: bool
    url: str


class ResponseOut(Schema):
    id: int
    session: int
    instrument: str
    respondent: str
    submitted_at: dt.datetime
    answers: dict[str, Any]
    scores: dict[str, float | None]
    band: str
    flags: list[str]
    language: str  # the language the questions were shown in; empty when not known


class GoalOut(Schema):
    id: int
    text: str
    framing: str
    status: str
    priority: int
    therapist_agreement: int | None
    created_at: dt.datetime


class TaskOut(Schema):
    id: int
    goal: int | None
    description: str
    rationale: str
    kind: str
    status: str
    created_at: dt.datetime


class AlertOut(Schema):
    id: int
    client: str
    kind: str
    severity: str
    message: str
    explanation: str
    figures: dict[str, Any]
    created_at: dt.datetime
    acknowledged_at: dt.datetime | None
    acknowledged_by: str | None
    closed_at: dt.datetime | None
    outcome: str
    url: str


class RepairOut(Schema):
    kind: str
    noticed: str
    strategies: list[str]
    how_it_went: str
    recorded_by: str | None
    recorded_at: dt.datetime | None


class RuptureOut(Schema):
    id: int
    client: str
    onset_session: int
    lowest_session: int
    last_session: int
    depth: float | None
    dimensions: list[str]
    status: str
    repair_session: int | None
    detected_at: dt.datetime
    resolved_at: dt.datetime | None
    alert: int | None
    repair: RepairOut
    url: str


class ChangeOut(Schema):
    measure: str
    intake: float
    latest: float
    category: str
    words: str


class TrackOut(Schema):
    status: str
    session: int
    outcome: float
    expected: float
    lower: float
    upper: float
    default_curve: bool
    words: str


class DropoutOut(Schema):
    level: str
    reasons: list[str]
    note: str


class OutcomeOut(Schema):
    client: str
    changes: list[ChangeOut]
    recovery: str
    recovery_words: str
    track: TrackOut | None
    alliance_trend: str
    dropout: DropoutOut


class CheckinLinkOut(Schema):
    session: int
    send: str
    expires_at: dt.datetime
    url: str | None = None  # only when `send` is "none", and only in this answer
    instruments: list[str]


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The `{"items": [...], "count": N}` answer of a list of `item`."""
    return type(name, (Schema,), {"__annotations__": {"items": list[item], "count": int}})


ClientPage = page_of(ClientOut, "ClientPage")
EpisodePage = page_of(EpisodeOut, "EpisodePage")
SessionPage = page_of(SessionOut, "SessionPage")
ResponsePage = page_of(ResponseOut, "ResponsePage")
GoalPage = page_of(GoalOut, "GoalPage")
TaskPage = page_of(TaskOut, "TaskPage")
AlertPage = page_of(AlertOut, "AlertPage")
RupturePage = page_of(RuptureOut, "RupturePage")
