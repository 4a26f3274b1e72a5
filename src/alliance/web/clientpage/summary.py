"""Plain rows for the client page's tables: the text alternative, comments, goals, sessions."""

from __future__ import annotations

import pandas as pd

from alliance.web.clinic.instruments import ALLIANCE, COMMENT_ITEM, DIMENSIONS
from alliance.web.clinic.models import Client, Respondent, Response
from alliance.web.clinic.tables import series
from alliance.web.formats.numbers import shown_number

from .charts import BY_RESPONDENT


def table_rows(scores: pd.DataFrame) -> list[dict]:
    """Per session: client and therapist goal, task, bond (the charts' text alternative)."""
    tables = {
        who: series(scores, instrument, who, list(DIMENSIONS))
        for who, instrument in BY_RESPONDENT.items()
    }
    sessions = sorted(set(tables["client"].index) | set(tables["therapist"].index))
    return [
        {
            "session": s,
            "values": [_cell(tables[who], s, dim) for who in BY_RESPONDENT for dim in DIMENSIONS],
        }
        for s in sessions
    ]


def _cell(table: pd.DataFrame, session: int, dimension: str) -> str:
    if session not in table.index or pd.isna(table.at[session, dimension]):
        return "-"
    return shown_number(table.at[session, dimension])


def comments(responses: list[Response]) -> list[dict]:
    """The client's free-text comments, newest first."""
    found = [
        {
            "session": r.session.number,
            "date": r.session.date,
            "text": r.answers.get(COMMENT_ITEM, ""),
        }
        for r in responses
        if r.instrument == ALLIANCE
    ]
    return sorted([c for c in found if c["text"]], key=lambda c: -c["session"])


def session_rows(client: Client, responses: list[Response]) -> list[dict]:
    """Each session with which check-ins came in."""
    done: dict[int, set[str]] = {}
    for r in responses:
        done.setdefault(r.session_id, set()).add(r.respondent)
    return [
        {
            "session": s,
            "client_done": Respondent.CLIENT in done.get(s.pk, ()),
            "therapist_done": Respondent.THERAPIST in done.get(s.pk, ()),
        }
        for s in client.sessions.order_by("-number")
    ]
