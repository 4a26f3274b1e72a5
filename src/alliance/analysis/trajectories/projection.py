"""Where a client is heading: the expected score at the end, given how far off course they are.

A client's course deviation so far only partly persists: some of it is noise. From the clinic's
history we learn, for each session k, how much of the course deviation at k is still there at the
end of the episode (the least-squares slope through the origin of the deviation at the last
session on the course deviation at k). The projected end score is the expected score at the
typical episode length plus that share of the client's deviation, in the band's units.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .placement import BETTER, NOT_ON_TRACK, ON_TRACK, at_last_session


@dataclass(frozen=True)
class Persistence:
    """Share of the course deviation at each session that persists to the end, and the end."""

    by_session: pd.Series
    end_session: float

    def at(self, session: np.ndarray) -> np.ndarray:
        if self.by_session.empty:
            return np.zeros(len(session))
        known = self.by_session.index.to_numpy(dtype=float)
        capped = np.clip(session, known.min(), known.max())
        return np.interp(capped, known, self.by_session.to_numpy())


def fit_persistence(rows: pd.DataFrame, min_clients: int) -> Persistence:
    """From every history session's placement (place_rows output), fit the share per session."""
    last, ends = at_last_session(rows, ["session", "deviation"])
    end_session = float(last["session"].median()) if len(last) else 1.0
    session = rows["session"].to_numpy()
    paired = (session > 1) & (session < ends["session"].to_numpy())
    course = rows["course_deviation"].to_numpy()[paired]
    sums = (
        pd.DataFrame(
            {
                "session": session[paired],
                "xy": course * ends["deviation"].to_numpy()[paired],
                "xx": course**2,
            }
        )
        .groupby("session")[["xy", "xx"]]
        .agg(["sum", "size"])
    )
    enough = sums[("xy", "size")] >= min_clients
    share = (sums[("xy", "sum")] / sums[("xx", "sum")]).where(enough).dropna()
    return Persistence(share.clip(0.0, 1.0), end_session)


def projected(model, placed: pd.DataFrame) -> pd.DataFrame:
    """Add projected_end (expected end score) and projected_change (from intake) to placements."""
    persistence: Persistence = model.persistence_
    session = placed["session"].to_numpy(dtype=float)
    end = np.maximum(session, persistence.end_session)
    band = model.end_band(placed, end)
    share = persistence.at(session)
    end_score = (
        band["expected"].to_numpy()
        + share * placed["course_deviation"].to_numpy() * band["spread"].to_numpy()
    )
    return placed.assign(
        projected_end=end_score, projected_change=end_score - placed["intake"].to_numpy(dtype=float)
    )


def calibrated(model, placed: pd.DataFrame) -> pd.DataFrame:
    """The status at the model's operating point: not on track when the projected change is above
    the session's threshold; better than expected below the band; on track otherwise. Without a
    threshold (too little history) the band alone makes the call. The band's own reading is kept
    as band_status."""
    threshold = model.operating_point_.at(placed["session"].to_numpy(dtype=float))
    late = (placed["session"].to_numpy() > 1) & (placed["projected_change"].to_numpy() > threshold)
    band = placed["status"].to_numpy()
    status = np.where(late, NOT_ON_TRACK, np.where(band == BETTER, BETTER, ON_TRACK))
    status = np.where(np.isnan(threshold), band, status)
    return placed.assign(band_status=band, status=status)
