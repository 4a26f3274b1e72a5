"""Where a client stands against an expected course: the statuses and the result object."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .table import check_sessions

ON_TRACK = "on-track"
NOT_ON_TRACK = "not-on-track"
BETTER = "better-than-expected"
STATUSES = (ON_TRACK, NOT_ON_TRACK, BETTER)


def status_codes(outcome: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """Each status as its position in STATUSES."""
    return np.where(outcome > upper, 1, np.where(outcome < lower, 2, 0)).astype(np.int8)


def statuses(outcome: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """Higher outcome is worse: above the band is not on track, below it is better than expected."""
    return np.array(STATUSES)[status_codes(outcome, lower, upper)]


def text_column(
    labels: tuple[str, ...] | list[str], codes: np.ndarray
) -> pd.api.extensions.ExtensionArray:
    """labels[codes] as a text column, built by Arrow rather than one Python string a row."""
    return pd.array(pc.take(pa.array(list(labels), pa.string()), pa.array(codes)), dtype="str")


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
    by_client = chosen.groupby(model.client, sort=False)
    intake = by_client[model.outcome].transform("first")
    band = model.band_for(chosen, intake.to_numpy(dtype=float), **band_options)
    outcome = chosen[model.outcome].to_numpy(dtype=float)
    lower, upper = band["lower"].to_numpy(), band["upper"].to_numpy()
    rows = pd.DataFrame(
        {
            "client_id": _as_text(chosen[model.client]),
            "session": chosen[model.session].astype(int).to_numpy(),
            "intake": intake.to_numpy(),
            "outcome": outcome,
            "expected": band["expected"].to_numpy(),
            "lower": lower,
            "upper": upper,
            "deviation": (outcome - band["expected"].to_numpy()) / band["spread"].to_numpy(),
            "status": text_column(STATUSES, status_codes(outcome, lower, upper)),
            "source": _as_text(band["source"]),
        }
    )
    rows["course_deviation"] = course_deviation(rows, by_client.ngroup().to_numpy())
    for covariate in getattr(model, "covariates", ()):
        rows[covariate] = by_client[covariate].transform("first").to_numpy()
    return rows


def _as_text(column: pd.Series):
    """A text column as it stands (no Python string a row), any other column as an array."""
    return column.array if isinstance(column.dtype, pd.StringDtype) else column.to_numpy()


def course_deviation(rows: pd.DataFrame, clients: np.ndarray | None = None) -> np.ndarray:
    """Deviation averaged over the sessions since intake, later sessions weighted more (by ln t).

    One score is noisy; the average over the course so far ranks clients by how far off course
    they are more reliably than the latest score alone. 0 at the intake session. clients: the
    client of each row as an integer, when known (grouping on it is cheaper than on the ids).
    """
    weight = np.log(rows["session"].to_numpy(dtype=float))
    keys = rows["client_id"].to_numpy() if clients is None else clients
    grouped = pd.DataFrame({"c": keys, "wz": weight * rows["deviation"].to_numpy(), "w": weight})
    sums = grouped.groupby("c", sort=False)[["wz", "w"]].cumsum()
    return (sums["wz"] / sums["w"].where(sums["w"] > 0)).fillna(0.0).to_numpy()


def at_last_session(rows: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each client's last row (in the rows' order), and those columns of it beside every row of the
    client: what a join of each row with its client's last row gives, without the join."""
    by_client = rows.groupby("client_id", sort=False)
    codes = by_client.ngroup().to_numpy()
    last = by_client.cumcount(ascending=False).to_numpy() == 0
    at = np.flatnonzero(last)
    positions = np.empty(by_client.ngroups, dtype=np.intp)
    positions[codes[at]] = at
    ends = {c: rows[c].to_numpy()[positions][codes] for c in columns}
    return rows.iloc[at], pd.DataFrame(ends, index=rows.index)
