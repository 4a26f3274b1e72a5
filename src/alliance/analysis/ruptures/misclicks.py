"""One item answered at the bottom while the others hold: a likely misclick, not a rupture.

A rupture strains a part of the work, so both items of that dimension fall (and usually the
total with them); a slip of the finger sends one item to 0 while its partner and the rest stay
where they were. Such a session is scored without that item, unless it is confirmed: the client
reported that something felt off that session, or the same item is low again next session.
Until the next session is in, an unreported slip stays set aside.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from alliance.measures import get_instrument

HOLD_SHARE = 0.5  # the other items hold at or above the middle of the scale
RECUR_POINTS = 3.0  # next session, the same item this far below the mean of the others


def item_grid(answers: pd.DataFrame, form: str) -> pd.DataFrame:
    """The form's scored items as columns, one row per client and session (client answers)."""
    respondent = answers["respondent"].fillna("client") if "respondent" in answers else "client"
    rows = answers[(answers["instrument"].astype(str) == form) & (respondent == "client")]
    scored = list(next(s for s in get_instrument(form).scales if s.id == "total").items)
    rows = rows[rows["item"].astype(str).isin(scored)]
    grid = rows.assign(
        item=rows["item"].astype(str),
        session=pd.to_numeric(rows["session"]).astype("int64"),
        value=pd.to_numeric(rows["value"], errors="coerce"),
    ).pivot_table(index=["client_id", "session"], columns="item", values="value", aggfunc="last")
    return grid.reindex(columns=scored).sort_index()


def slips(grid: pd.DataFrame, bottom: float, top: float) -> pd.Series:
    """Per client and session: the item that looks like a misclick (None where none does)."""
    values = grid.to_numpy(dtype=float)
    at_bottom = values <= bottom
    others_min = np.where(at_bottom, np.inf, values).min(axis=1)
    single = (at_bottom.sum(axis=1) == 1) & ~np.isnan(values).any(axis=1)
    holding = others_min >= bottom + HOLD_SHARE * (top - bottom)
    item = np.where(single & holding, np.array(grid.columns)[at_bottom.argmax(axis=1)], None)
    return pd.Series(item, index=grid.index, name="misclick_item")


def recurs(grid: pd.DataFrame, item: pd.Series) -> pd.Series:
    """Whether the suspect item is low again in the client's next session."""
    following = grid.groupby(level="client_id").shift(-1).to_numpy(dtype=float)
    columns = {name: n for n, name in enumerate(grid.columns)}
    again = np.zeros(len(grid), dtype=bool)
    for row in np.flatnonzero(item.notna().to_numpy()):
        at = columns[item.iloc[row]]
        rest = np.delete(following[row], at)
        if not np.isnan(rest).all():
            again[row] = following[row, at] <= np.nanmean(rest) - RECUR_POINTS
    return pd.Series(again, index=grid.index)
