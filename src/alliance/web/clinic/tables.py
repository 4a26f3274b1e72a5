"""Turn database rows into the pandas tables the science works on (the interchange format)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from alliance.analysis.ruptures.answers import CLIENT_FORM, RUPTURE_ITEM, THERAPIST_FORM
from alliance.measures import get_instrument

from .models import Response

ANSWER_COLUMNS = ["client_id", "session", "instrument", "item", "value", "respondent",
                  "therapist_id", "date"]
SCORE_KEYS = ["client_id", "session", "date", "instrument", "respondent"]
SESSION_COLUMNS = ["client_id", "session", "alliance", "goal", "task", "bond",
                   "therapist_alliance", "rupture_reported"]
SESSION_INSTRUMENTS = (CLIENT_FORM, THERAPIST_FORM)


def _key(response: Response) -> dict:
    return {
        "client_id": response.client.code, "session": response.session.number,
        "date": response.session.date, "instrument": response.instrument,
        "respondent": response.respondent,
    }


def answers_table(responses: Iterable[Response]) -> pd.DataFrame:
    """Item-level answers in the interchange format; free text is left out."""
    rows = []
    for response in responses:
        text_items = {i.id for i in get_instrument(response.instrument).items if i.kind == "text"}
        key = _key(response)
        key["therapist_id"] = response.client.therapist.username
        rows += [{**key, "item": item, "value": value}
                 for item, value in response.answers.items() if item not in text_items]
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS)


def scores_table(responses: Iterable[Response]) -> pd.DataFrame:
    """One row per administration: the keys, one column per scale, band and flags."""
    rows = [{**_key(r), **r.scores, "band": r.band or None, "flags": tuple(r.flags)}
            for r in responses]
    table = pd.DataFrame(rows)
    if table.empty:
        return pd.DataFrame(columns=[*SCORE_KEYS, "band", "flags"])
    return table.sort_values(["session", "instrument", "respondent"], ignore_index=True)


def series(scores: pd.DataFrame, instrument: str, respondent: str, columns: list[str]
           ) -> pd.DataFrame:
    """Scores of one instrument and respondent by session number (NaN where a scale is missing)."""
    chosen = scores[(scores["instrument"] == instrument) & (scores["respondent"] == respondent)]
    return chosen.set_index("session").reindex(columns=columns).astype(float)


def session_table(responses: Iterable[Response]) -> pd.DataFrame:
    """The rupture detector's session table from stored check-ins (client and therapist)."""
    rows: dict[tuple[str, int], dict] = {}
    for response in responses:
        key = (response.client.code, response.session.number)
        row = rows.setdefault(key, dict(zip(SESSION_COLUMNS[:2], key, strict=True)))
        row.update(_session_scores(response))
    table = pd.DataFrame(list(rows.values()), columns=SESSION_COLUMNS)
    return table.astype({column: float for column in SESSION_COLUMNS[2:]})


def _session_scores(response: Response) -> dict:
    scores = response.scores
    if response.instrument == THERAPIST_FORM:
        return {"therapist_alliance": scores.get("total")}
    if response.instrument != CLIENT_FORM or response.respondent != "client":
        return {}
    return {"alliance": scores.get("total"), "goal": scores.get("goal"),
            "task": scores.get("task"), "bond": scores.get("bond"),
            "rupture_reported": response.answers.get(RUPTURE_ITEM)}
