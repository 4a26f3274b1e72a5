"""Each client's intake and latest score of one outcome, read in plain Python: on one client's
rows a table's group-by costs a hundred times the reading."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pandas as pd

PAIR_COLUMNS = ["intake", "latest", "session", "course"]


def latest_pairs(rows: Iterable[tuple]) -> list[tuple]:
    """(client_id, intake, latest, session, course) of each client's latest episode, by client,
    from (client_id, episode_id, session number, total) rows of one instrument, as
    `alliance.web.clinic.tables.intake_and_latest` gives them; rows without a total are left out."""
    episodes: dict = {}
    for client_id, episode, session, total in rows:
        if total is not None:
            episodes.setdefault(client_id, {}).setdefault(episode, []).append((session, total))
    found = []
    for client_id in sorted(episodes):
        points = sorted(episodes[client_id][max(episodes[client_id])])
        (first, intake), (last, latest) = points[0], points[-1]
        found.append((client_id, float(intake), float(latest), last, last - first + 1))
    return found


def rows_of(table: pd.DataFrame, instrument: str) -> Iterator[tuple]:
    """The (client_id, episode, session, total) rows of one instrument of an `outcome_table`."""
    chosen = table[table["instrument"] == instrument]
    columns = ("client_id", "episode", "session", "total")
    return zip(*(chosen[c].tolist() for c in columns), strict=True)


def later_pairs_frame(table: pd.DataFrame, instrument: str) -> pd.DataFrame:
    """`intake_and_latest` of the clients with a score after their intake (course above 1)."""
    return later_pairs_frame_of_rows(rows_of(table, instrument))


def later_pairs_frame_of_rows(rows: Iterable[tuple]) -> pd.DataFrame:
    """`later_pairs_frame` of (client_id, episode, session, total) rows of one instrument."""
    pairs = [pair for pair in latest_pairs(rows) if pair[4] > 1]
    frame = pd.DataFrame(
        {
            "intake": pd.Series([p[1] for p in pairs], dtype=float),
            "latest": pd.Series([p[2] for p in pairs], dtype=float),
            "session": pd.Series([p[3] for p in pairs], dtype=int),
            "course": pd.Series([p[4] for p in pairs], dtype=int),
        }
    )
    frame.index = pd.Index([p[0] for p in pairs], name="client_id")
    return frame
