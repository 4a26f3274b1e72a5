"""Pair each session's alliance with the next session's outcome, split between and within."""

from __future__ import annotations

import numpy as np
import pandas as pd

CENTRED = "centred"
DETRENDED = "detrended"
METHODS = (CENTRED, DETRENDED)


def lagged_pairs(
    table: pd.DataFrame, predictors: list[str], *, outcome: str, client: str, session: str
) -> pd.DataFrame:
    """Rows of (session t, predictors at t, outcome at t, outcome at the client's next session)."""
    grouped = table.groupby(client, sort=False)
    pairs = table.assign(
        outcome_next=grouped[outcome].shift(-1), session_next=grouped[session].shift(-1)
    ).dropna(subset=["outcome_next"])
    columns = [client, session, outcome, *predictors, "outcome_next", "session_next"]
    return pairs[columns].reset_index(drop=True)


def split_within_between(
    pairs: pd.DataFrame,
    column: str,
    *,
    client: str,
    session: str,
    method: str,
    codes: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The client's mean (between) and the deviation from it (within), optionally detrended.

    Detrended: the client's own straight line on log(session) is taken out of the within part, so a
    shared drift over sessions (alliance rising while symptoms fall) cannot pose as a
    session-to-session effect. The between part is then the client's line at their mean log-session.
    codes: the clients as integers (pd.factorize of the client column), when already known; grouping
    on them gives the same groups, in the same order, at a fraction of the cost of the ids.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    keys = pairs[client].to_numpy() if codes is None else codes
    values = pairs[column]
    mean = values.groupby(keys, sort=False).transform("mean").to_numpy()
    within = values.to_numpy() - mean
    if method == DETRENDED:
        within = within - _client_trend(pairs, within, keys, session)
    return mean, within


def _client_trend(
    pairs: pd.DataFrame, centred: np.ndarray, keys: np.ndarray, session: str
) -> np.ndarray:
    """Each client's least-squares line of the centred values on log(session), at every row."""
    log_s = np.log(pairs[session].to_numpy(dtype=float))
    frame = pd.DataFrame({"c": keys, "x": log_s, "y": centred})
    frame["xc"] = frame["x"] - frame.groupby("c", sort=False)["x"].transform("mean")
    frame["xy"] = frame["xc"] * frame["y"]
    frame["xx"] = frame["xc"] ** 2
    sums = frame.groupby("c", sort=False)[["xy", "xx"]].transform("sum")
    slope = (sums["xy"] / sums["xx"].where(sums["xx"] > 1e-12)).fillna(0.0).to_numpy()
    return slope * frame["xc"].to_numpy()
