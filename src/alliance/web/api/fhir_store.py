"""Store the answers of a FHIR transaction for the caller's own clients, all or nothing."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
from django.db import transaction
from django.http import Http404

from alliance.measures import get_instrument
from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Response
from alliance.web.followup.schedule import mark_follow_up, queue_follow_up

from .access import own_client
from .errors import Invalids

Key = tuple[str, int, str, str]  # client code, session number, instrument, respondent


def administrations(answers: pd.DataFrame) -> dict[Key, dict[str, object]]:
    """{(client, session, instrument, respondent): {item: value}} from interchange rows."""
    found: dict[Key, dict[str, object]] = defaultdict(dict)
    for row in answers.to_dict("records"):
        key = (
            row["client_id"],
            int(row["session"]),
            row["instrument"],
            row.get("respondent") or "client",
        )
        found[key][str(row["item"])] = _value(row["instrument"], str(row["item"]), row["value"])
    return dict(found)


def _value(instrument: str, item: str, value):
    if value is None or get_instrument(instrument).item(item).kind == "text":
        return value
    return int(value)


def store_transaction(request, answers: pd.DataFrame) -> dict:
    """Store every administration, or none with every problem named; a transaction-response
    Bundle with one entry per stored response."""
    planned, problems = [], []
    for key, items in administrations(answers).items():
        try:
            planned.append((_session_for(request, key, items), key, items))
        except ValueError as problem:
            problems.append((_label(key), str(problem)))
    if problems:
        raise Invalids(problems)
    stored = _store(planned, by=request.user)
    return {
        "resourceType": "Bundle",
        "type": "transaction-response",
        "entry": [
            {"response": {"status": "201 Created", "location": _location(r)}} for r in stored
        ],
    }


def _label(key: Key) -> str:
    code, number, instrument, respondent = key
    return f"QuestionnaireResponse ({code}, session {number}, {instrument}, {respondent})"


def _session_for(request, key: Key, items: dict):
    code, number, instrument, respondent = key
    try:
        client = own_client(request, code)
    except Http404:
        raise ValueError("Patient: no such client among the caller's own clients") from None
    session = client.sessions.filter(number=number).first()
    if session is None:
        raise ValueError(f"session {number}: no such session of {code}; add it first")
    if Response.objects.filter(
        session=session, instrument=instrument, respondent=respondent
    ).exists():
        raise ValueError(f"session {number}: {instrument} by the {respondent} is already stored")
    if get_instrument(instrument).open_items:
        goals = {str(pk) for pk in client.goals.values_list("pk", flat=True)}
        unknown = sorted(set(items) - goals)
        if unknown:
            raise ValueError(f"item {unknown[0]}: not a goal of {code}")
    return session


@transaction.atomic
def _store(planned: list, *, by) -> list[Response]:
    grouped: dict = defaultdict(dict)
    for session, (_, _, instrument, respondent), items in planned:
        grouped[(session, respondent)][instrument] = items
    stored = []
    for (session, respondent), answers in grouped.items():
        stored += store_answers(session, answers, respondent=respondent, entered_by=by)
        mark_follow_up(session, source=respondent)
    for client_id in {session.client_id for session, _ in grouped}:
        queue_follow_up(client_id)  # as after a check-in: rupture detection and the rest
    return stored


def _location(response: Response) -> str:
    return f"QuestionnaireResponse/{response.pk}"
