"""Pair each session's alliance with the next session's outcome, split between and within."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .course import ClientCourse

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
    course: ClientCourse | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The client's mean (between) and the deviation from it (within), optionally detrended.

    Detrended: the client's own straight line on log(session) is taken out of the within part, so a
    shared drift over sessions (alliance rising while symptoms fall) cannot pose as a
    session-to-session effect. The between part is then the client's line at their mean log-session.
    codes: the clients as integers (pd.factorize of the client column), when already known.
    course: the clients' course on the pairs' log(session) (ClientCourse), when already known: a fit
    of several scales then shares it.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    if course is None:
        keys = pd.factorize(pairs[client])[0] if codes is None else codes
        log_s = np.log(pairs[session].to_numpy(dtype=float)) if method == DETRENDED else None
        course = ClientCourse.of(keys, log_s)
    values = pairs[column].to_numpy(dtype=float)
    mean = course.means(values)
    within = values - mean
    if method == DETRENDED:
        within = within - course.trend(within)
    return mean, within
