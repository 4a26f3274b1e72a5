"""Build the session-level table from item-level answers (the interchange format)."""

from __future__ import annotations

import pandas as pd

from alliance.measures import get_instrument, score_answers

from . import misclicks
from .table import RuptureInputError

CLIENT_FORM = "alliance-checkin"
THERAPIST_FORM = "alliance-checkin-t"
RUPTURE_ITEM = "8"  # the client's 'did something feel off' answer, 0/1/2


def sessions_from_answers(answers: pd.DataFrame) -> pd.DataFrame:
    """One row per client and session with alliance, goal, task, bond and, when answered,
    therapist_alliance and rupture_reported; `misclick` marks a session scored without a lone item
    at the bottom of the scale that nothing confirmed (misclicks.py).

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
    table = _set_slips_aside(table, answers)
    return table.sort_values(keys, kind="stable").reset_index(drop=True)


def _set_slips_aside(table: pd.DataFrame, answers: pd.DataFrame) -> pd.DataFrame:
    """Score unconfirmed one-item misclicks without that item (misclicks.py); mark them."""
    grid = misclicks.item_grid(answers, CLIENT_FORM)
    instrument = get_instrument(CLIENT_FORM)
    suspect = misclicks.slips(grid, *instrument.scale_range("total"))
    indexed = table.set_index(["client_id", "session"])
    reported = indexed["rupture_reported"].reindex(grid.index).fillna(0) >= 1
    aside = suspect.notna() & ~reported & ~misclicks.recurs(grid, suspect)
    indexed["misclick"] = aside.reindex(indexed.index).fillna(False).astype(bool)
    for key in aside.index[aside.to_numpy()]:
        _rescore(indexed, key, grid.loc[key].drop(suspect[key]), instrument)
    return indexed.reset_index()


def _rescore(indexed: pd.DataFrame, key, kept: pd.Series, instrument) -> None:
    indexed.loc[key, "alliance"] = float(kept.mean())
    for dimension in ("goal", "task", "bond"):
        items = [item.id for item in instrument.scored_items if item.dimension == dimension]
        indexed.loc[key, dimension] = float(kept.reindex(items).mean())


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
