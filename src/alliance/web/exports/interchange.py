"""Stored responses as the interchange format: one row per answer."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from alliance.interop.tables import ANSWER_COLUMNS, ANSWER_OPTIONAL
from alliance.web.clinic.models import Response

COLUMNS = [*ANSWER_COLUMNS, *ANSWER_OPTIONAL]


def responses_of(clients) -> Iterable[Response]:
    """The clients' responses in the order of the record: client, session, instrument."""
    return (
        Response.objects.filter(client__in=clients)
        .select_related("session", "client__therapist")
        .order_by("client__code", "session__number", "instrument", "respondent")
    )


def answer_rows(responses: Iterable[Response]) -> list[dict]:
    """One row per answer, items in their stored order; unanswered items are left out."""
    rows = []
    for response in responses:
        shared = {
            "client_id": response.client.code,
            "session": response.session.number,
            "instrument": response.instrument,
            "respondent": response.respondent,
            "therapist_id": response.client.therapist.username,
            "date": response.session.date.isoformat(),
            "language": response.language,
        }
        for item, value in response.answers.items():
            if value is not None and value != "":
                rows.append({**shared, "item": str(item), "value": value})
    return rows


def answer_frame(responses: Iterable[Response]) -> pd.DataFrame:
    """The rows as a table with the interchange columns, every cell as text."""
    table = pd.DataFrame(answer_rows(responses), columns=COLUMNS)
    return table.astype(str) if len(table) else table
