"""Where a client stands against an expected course: the statuses and the result object."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

ON_TRACK = "on-track"
NOT_ON_TRACK = "not-on-track"
BETTER = "better-than-expected"
STATUSES = (ON_TRACK, NOT_ON_TRACK, BETTER)


def statuses(outcome: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """Higher outcome is worse: above the band is not on track, below it is better than expected."""
    return np.where(outcome > upper, NOT_ON_TRACK, np.where(outcome < lower, BETTER, ON_TRACK))


@dataclass(frozen=True)
class Placement:
    """One client at one session, against the expected course."""

    client_id: str
    session: int
    outcome: float
    expected: float
    lower: float
    upper: float
    status: str
    deviation: float  # (outcome - expected) in units of the expected spread; above 0 is worse
    note: str = ""

    def reading(self) -> str:
        """The placement in one plain sentence."""
        where = {
            ON_TRACK: "inside",
            NOT_ON_TRACK: "above (worse than)",
            BETTER: "below (better than)",
        }[self.status]
        text = (
            f"Client {self.client_id} at session {self.session} scored {self.outcome:.1f}, "
            f"{where} the expected range {self.lower:.1f} to {self.upper:.1f} "
            f"(expected {self.expected:.1f}): {self.status}."
        )
        return f"{text} {self.note}".strip()


def one_client(
    client_series: pd.DataFrame | pd.Series, *, outcome: str, session: str, client: str
) -> tuple[str, np.ndarray, np.ndarray]:
    """Client id, sessions and outcomes from one client's rows or a Series indexed by session."""
    if isinstance(client_series, pd.Series):
        ordered = client_series.dropna().sort_index()
        ident = str(client_series.name) if client_series.name is not None else "client"
        return ident, ordered.index.to_numpy(dtype=float), ordered.to_numpy(dtype=float)
    ids = client_series[client].astype(str).unique() if client in client_series else ["client"]
    if len(ids) != 1:
        raise ValueError(f"place() takes one client's sessions; got {len(ids)} clients in {client}")
    ordered = client_series.sort_values(session)
    return ids[0], ordered[session].to_numpy(dtype=float), ordered[outcome].to_numpy(dtype=float)
