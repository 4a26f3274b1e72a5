"""Turn database rows into the pandas tables the science works on (the interchange format).

Every conversion from stored rows to a table is here; what is computed from the tables is the
science's (alliance.analysis)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np
import pandas as pd

from alliance.analysis.ruptures.answers import CLIENT_FORM, RUPTURE_ITEM, THERAPIST_FORM
from alliance.measures import get_instrument

from .models import Response, RuptureStatus

ANSWER_COLUMNS = [
    "client_id",
    "session",
    "instrument",
    "item",
    "value",
    "respondent",
    "therapist_id",
    "date",
]
SCORE_KEYS = ["client_id", "session", "date", "instrument", "respondent"]
SESSION_COLUMNS = [
    "client_id",
    "session",
    "alliance",
    "goal",
    "task",
    "bond",
    "therapist_alliance",
    "rupture_reported",
]
SESSION_INSTRUMENTS = (CLIENT_FORM, THERAPIST_FORM)


def _key(response: Response) -> dict:
    return {
        "client_id": response.client.code,
        "session": response.session.number,
        "date": response.session.date,
        "instrument": response.instrument,
        "respondent": response.respondent,
    }


def answers_table(responses: Iterable[Response]) -> pd.DataFrame:
    """Item-level answers in the interchange format; free text is left out."""
    rows = []
    for response in responses:
        text_items = {i.id for i in get_instrument(response.instrument).items if i.kind == "text"}
        key = _key(response)
        key["therapist_id"] = response.client.therapist.username
        rows += [
            {**key, "item": item, "value": value}
            for item, value in response.answers.items()
            if item not in text_items
        ]
    return pd.DataFrame(rows, columns=ANSWER_COLUMNS)


def scores_table(responses: Iterable[Response]) -> pd.DataFrame:
    """One row per administration: the keys, one column per scale, band and flags."""
    rows = [
        {**_key(r), **r.scores, "band": r.band or None, "flags": tuple(r.flags)} for r in responses
    ]
    table = pd.DataFrame(rows)
    if table.empty:
        return pd.DataFrame(columns=[*SCORE_KEYS, "band", "flags"])
    return table.sort_values(["session", "instrument", "respondent"], ignore_index=True)


def series(
    scores: pd.DataFrame, instrument: str, respondent: str, columns: list[str]
) -> pd.DataFrame:
    """Scores of one instrument and respondent by session number (NaN where a scale is missing)."""
    chosen = scores[(scores["instrument"] == instrument) & (scores["respondent"] == respondent)]
    return chosen.set_index("session").reindex(columns=columns).astype(float)


def session_table(responses: Iterable[Response]) -> pd.DataFrame:
    """The rupture detector's session table from stored check-ins (client and therapist)."""
    return _session_table(
        (r.client.code, r.session.number, r.instrument, r.respondent, r.scores, r.answers)
        for r in responses
    )


def session_table_from_query(responses) -> pd.DataFrame:
    """`session_table` of a queryset of responses, reading only the values it needs (no model
    instances: the follow-up of one check-in reads one client's series)."""
    return _session_table(
        responses.values_list(
            "client__code", "session__number", "instrument", "respondent", "scores", "answers"
        )
    )


def _session_table(rows_in: Iterable[tuple]) -> pd.DataFrame:
    rows: dict[tuple[str, int], dict] = {}
    for code, number, *response in rows_in:
        row = rows.setdefault((code, number), {"client_id": code, "session": number})
        row.update(_session_scores(*response))
    if not rows:
        table = pd.DataFrame([], columns=SESSION_COLUMNS)
        return table.astype({column: float for column in SESSION_COLUMNS[2:]})
    # built column by column: on one client's few rows, pandas' conversion of a list of dicts
    # and its astype cost several times the reading
    found = list(rows.values())
    columns = {name: [row[name] for row in found] for name in SESSION_COLUMNS[:2]}
    for name in SESSION_COLUMNS[2:]:
        columns[name] = np.array([row.get(name) for row in found], dtype=float)
    return pd.DataFrame(columns, columns=SESSION_COLUMNS)


def _session_scores(instrument: str, respondent: str, scores: dict, answers: dict) -> dict:
    if instrument == THERAPIST_FORM:
        return {"therapist_alliance": scores.get("total")}
    if instrument != CLIENT_FORM or respondent != "client":
        return {}
    return {
        "alliance": scores.get("total"),
        "goal": scores.get("goal"),
        "task": scores.get("task"),
        "bond": scores.get("bond"),
        "rupture_reported": answers.get(RUPTURE_ITEM),
    }


OUTCOME_COLUMNS = ["client_id", "episode", "instrument", "session", "total"]


def outcome_table(rows: Iterable[dict]) -> pd.DataFrame:
    """Outcome totals per client, episode and session (dicts with OUTCOME_COLUMNS); `course`
    counts sessions from the episode's first score of that instrument, which is 1."""
    table = pd.DataFrame(list(rows), columns=OUTCOME_COLUMNS).dropna(subset=["total"])
    table = table.astype({"total": float, "session": int})
    table = table.sort_values(["client_id", "episode", "instrument", "session"], ignore_index=True)
    first = table.groupby(["client_id", "episode", "instrument"])["session"].transform("min")
    return table.assign(course=table["session"] - first + 1)


def outcome_table_from_query(responses) -> pd.DataFrame:
    """`outcome_table` of a queryset of responses, reading only the keys and totals."""
    rows = responses.values(
        "client_id", "session__episode_id", "instrument", "session__number", "scores__total"
    )
    return outcome_table(
        {
            "client_id": r["client_id"],
            "episode": r["session__episode_id"],
            "instrument": r["instrument"],
            "session": r["session__number"],
            "total": r["scores__total"],
        }
        for r in rows
    )


def outcome_table_from_values(rows: Iterable[dict], instruments: Collection[str]) -> pd.DataFrame:
    """`outcome_table` of these instruments from response values (client_id, instrument,
    scores, session__number, session__episode_id)."""
    return outcome_table(
        {
            "client_id": r["client_id"],
            "episode": r["session__episode_id"],
            "instrument": r["instrument"],
            "session": r["session__number"],
            "total": r["scores"].get("total"),
        }
        for r in rows
        if r["instrument"] in instruments
    )


def outcome_table_from_responses(
    responses: Iterable[Response], instruments: Collection[str]
) -> pd.DataFrame:
    """`outcome_table` of the client's answers to these instruments, from loaded responses."""
    return outcome_table(
        {
            "client_id": r.client_id,
            "episode": r.session.episode_id,
            "instrument": r.instrument,
            "session": r.session.number,
            "total": r.scores.get("total"),
        }
        for r in responses
        if r.instrument in instruments and r.respondent == "client"
    )


def episode_endings(episodes) -> pd.DataFrame:
    """One row per episode of a queryset: `client_id` names it as `course_table`'s `ident`
    does, `ended` is how it ended ("open" while it runs)."""
    rows = episodes.values_list("client_id", "id", "ending")
    return pd.DataFrame(
        [(f"{client_id}/{episode}", ending or "open") for client_id, episode, ending in rows],
        columns=["client_id", "ended"],
    )


RUPTURE_EVENT_COLUMNS = ["client_id", "onset_session", "repaired"]


def rupture_events(ruptures) -> pd.DataFrame:
    """The science's rupture events table (client_id, onset_session, repaired) from a queryset
    of stored ruptures; repaired is None while an episode is open."""
    rows = ruptures.values_list("client_id", "onset_session", "status")
    known = {RuptureStatus.REPAIRED: True, RuptureStatus.UNREPAIRED: False}
    return pd.DataFrame(
        [(client_id, onset, known.get(status)) for client_id, onset, status in rows],
        columns=RUPTURE_EVENT_COLUMNS,
    )


def intake_and_latest(table: pd.DataFrame, instrument: str) -> pd.DataFrame:
    """One row per client (their latest episode): intake and latest score of one instrument."""
    chosen = table[table["instrument"] == instrument]
    latest_episode = chosen.groupby("client_id")["episode"].transform("max")
    grouped = chosen[chosen["episode"] == latest_episode].groupby("client_id")
    return pd.DataFrame(
        {
            "intake": grouped["total"].first(),
            "latest": grouped["total"].last(),
            "session": grouped["session"].last(),
            "course": grouped["course"].last(),
        }
    )


def recovery_history(table: pd.DataFrame, instrument: str) -> pd.DataFrame:
    """The expected-recovery model's session table: one course per client episode."""
    chosen = table[table["instrument"] == instrument]
    ident = chosen["client_id"].astype(str) + "/" + chosen["episode"].astype(str)
    return pd.DataFrame(
        {"client_id": ident, "session": chosen["course"], "outcome": chosen["total"]}
    ).reset_index(drop=True)


def course_table(table: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """One row per client episode and session where every named instrument has a score, one
    column per instrument (renamed by `names`); `ident` names the episode, `course` counts its
    sessions from 1."""
    chosen = table[table["instrument"].isin(names)]
    keys = ["client_id", "episode", "session"]
    wide = chosen.pivot_table(index=keys, columns="instrument", values="total")
    wide = wide.reindex(columns=list(names)).rename(columns=names).dropna().reset_index()
    first = wide.groupby(["client_id", "episode"])["session"].transform("min")
    wide["ident"] = wide["client_id"].astype(str) + "/" + wide["episode"].astype(str)
    wide["course"] = wide["session"] - first + 1
    return wide


DIMENSION_COLUMNS = ["group", "dimension", "value"]


def dimension_table(rows: Iterable[tuple[object, dict]], dimensions: Iterable[str]) -> pd.DataFrame:
    """Long (group, dimension, value) table from (group, scores) pairs; missing scales left out."""
    wanted = list(dimensions)
    long = [
        (group, dim, scores[dim])
        for group, scores in rows
        for dim in wanted
        if scores.get(dim) is not None
    ]
    return pd.DataFrame(long, columns=DIMENSION_COLUMNS).astype({"value": float})
