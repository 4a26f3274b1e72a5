"""Where a client stands against an expected course: the statuses and the result object."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .table import check_sessions

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
    rows = client_series.sort_values(session)
    return ids[0], rows[session].to_numpy(dtype=float), rows[outcome].to_numpy(dtype=float)


def place_table(model, sessions: pd.DataFrame, at: int | None, **band_options) -> pd.DataFrame:
    """Place every client of a session table with a fitted model that has band_for()."""
    table = check_sessions(sessions, [model.outcome], client=model.client, session=model.session)
    chosen = table[table[model.session] <= at] if at is not None else table
    if at is not None:
        reached = chosen.groupby(model.client, sort=False)[model.session].transform("max") == at
        chosen = chosen[reached]
    rows = place_rows(model, chosen, **band_options)
    return rows.groupby("client_id", sort=False).tail(1).reset_index(drop=True)


def place_rows(model, chosen: pd.DataFrame, **band_options) -> pd.DataFrame:
    """Every session of a checked, sorted table against the band, with the course deviation."""
    intake = chosen.groupby(model.client, sort=False)[model.outcome].transform("first")
    band = model.band_for(chosen, intake.to_numpy(dtype=float), **band_options)
    outcome = chosen[model.outcome].to_numpy(dtype=float)
    rows = pd.DataFrame(
        {
            "client_id": chosen[model.client].to_numpy(),
            "session": chosen[model.session].astype(int).to_numpy(),
            "intake": intake.to_numpy(),
            "outcome": outcome,
            "expected": band["expected"].to_numpy(),
            "lower": band["lower"].to_numpy(),
            "upper": band["upper"].to_numpy(),
            "deviation": (outcome - band["expected"].to_numpy()) / band["spread"].to_numpy(),
            "status": statuses(outcome, band["lower"].to_numpy(), band["upper"].to_numpy()),
            "source": band["source"].to_numpy(),
        }
    )
    rows["course_deviation"] = course_deviation(rows)
    for covariate in getattr(model, "covariates", ()):
        first = chosen.groupby(model.client, sort=False)[covariate].transform("first")
        rows[covariate] = first.to_numpy()
    return rows


def course_deviation(rows: pd.DataFrame) -> np.ndarray:
    """Deviation averaged over the sessions since intake, later sessions weighted more (by ln t).

    One score is noisy; the average over the course so far ranks clients by how far off course
    they are more reliably than the latest score alone. 0 at the intake session.
    """
    weight = np.log(rows["session"].to_numpy(dtype=float))
    grouped = pd.DataFrame({"c": rows["client_id"], "wz": weight * rows["deviation"], "w": weight})
    sums = grouped.groupby("c", sort=False)[["wz", "w"]].cumsum()
    return (sums["wz"] / sums["w"].where(sums["w"] > 0)).fillna(0.0).to_numpy()
