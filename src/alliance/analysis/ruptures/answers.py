"""Build the session-level table from item-level answers (the interchange format)."""

from __future__ import annotations

import pandas as pd

from alliance.measures import score_answers

from .table import RuptureInputError

CLIENT_FORM = "alliance-checkin"
THERAPIST_FORM = "alliance-checkin-t"
RUPTURE_ITEM = "8"  # the client's 'did something feel off' answer, 0/1/2


def sessions_from_answers(answers: pd.DataFrame) -> pd.DataFrame:
    """One row per client and session with alliance, goal, task, bond and, when answered,
    therapist_alliance and rupture_reported.

    Client scores come from the alliance check-in, the therapist's total from its mirror form;
    sessions with only a therapist rating are left out, since every rule reads the client's score.
    """
    scored = score_answers(answers)
    scored = scored.assign(session=pd.to_numeric(scored["session"]).astype("int64"))
    keys = ["client_id", "session"]
    client = scored[(scored["instrument"] == CLIENT_FORM) & (scored["respondent"] == "client")]
    if client.empty:
        raise RuptureInputError(
            f"column instrument: no {CLIENT_FORM} answers from clients to analyse"
        )
    table = client[keys + ["total", "goal", "task", "bond"]].rename(columns={"total": "alliance"})
    therapist = scored[scored["instrument"] == THERAPIST_FORM]
    if not therapist.empty:
        mirror = therapist[keys + ["total"]].rename(columns={"total": "therapist_alliance"})
        table = table.merge(mirror, on=keys, how="left")
    table = table.merge(_rupture_answers(answers), on=keys, how="left")
    return table.sort_values(keys, kind="stable").reset_index(drop=True)


def _rupture_answers(answers: pd.DataFrame) -> pd.DataFrame:
    respondent = answers["respondent"].fillna("client") if "respondent" in answers else "client"
    rows = answers[
        (answers["instrument"].astype(str) == CLIENT_FORM)
        & (answers["item"].astype(str) == RUPTURE_ITEM)
        & (respondent == "client")
    ]
    return pd.DataFrame(
        {
            "client_id": rows["client_id"].to_numpy(),
            "session": pd.to_numeric(rows["session"]).astype("int64").to_numpy(),
            "rupture_reported": pd.to_numeric(rows["value"], errors="coerce").to_numpy(),
        }
    )
