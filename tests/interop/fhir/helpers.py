"""Answer tables made up for the FHIR tests: seeded, in the interchange format, all text."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from alliance.measures import Instrument

COLUMNS = [
    "client_id",
    "session",
    "instrument",
    "item",
    "value",
    "respondent",
    "therapist_id",
    "date",
]
GOALS = ("17", "23")  # open-item instruments are answered per client goal


def answer_rows(inst: Instrument, *, seed: int = 7, sessions: int = 2) -> pd.DataFrame:
    """Two clients, a few sessions each, every item answered (a text item in words)."""
    rng = np.random.default_rng(seed)
    rows = []
    for client, therapist in (("c-001", "t-01"), ("c-002", "t-02")):
        for session in range(1, sessions + 1):
            date = f"2026-03-{session + 1:02d}"
            for item_id, item in _items(inst):
                value = _value(item, rng)
                rows.append(
                    [
                        client,
                        str(session),
                        inst.id,
                        item_id,
                        value,
                        inst.respondent,
                        therapist,
                        date,
                    ]
                )
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object)


def _items(inst: Instrument):
    if inst.open_items:
        return [(goal, inst.items[0]) for goal in GOALS]
    return [(item.id, item) for item in inst.items]


def _value(item, rng) -> str:
    if item.kind == "text":
        return "More time on the hard parts, please; thanks"
    return str(rng.choice(item.values))


def transaction(*responses: dict, extra: list[dict] | None = None) -> str:
    entries = [
        {"resource": r, "request": {"method": "POST", "url": r["resourceType"]}}
        for r in (*responses, *(extra or []))
    ]
    return json.dumps({"resourceType": "Bundle", "type": "transaction", "entry": entries})


def phq_response(**changes) -> dict:
    """A PHQ-9 response as an outside system might send it: LOINC answers, a logical subject."""
    response = {
        "resourceType": "QuestionnaireResponse",
        "extension": [
            {"url": "https://alliance.invalid/fhir/StructureDefinition/session", "valueInteger": 4}
        ],
        "questionnaire": "https://alliance.invalid/fhir/Questionnaire/phq-9|1",
        "status": "completed",
        "subject": {"reference": "Patient/c-009"},
        "authored": "2026-03-02",
        "item": [
            {
                "linkId": str(n),
                "answer": [{"valueCoding": {"system": "http://loinc.org", "code": "LA6569-3"}}],
            }
            for n in range(1, 10)
        ],
    }
    response.update(changes)
    return response
