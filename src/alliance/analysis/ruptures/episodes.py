"""Turn flagged sessions into episodes: one per rupture, however many sessions it lasts.

An episode opens at a flagged session and lasts until the client has recovered: a session that no
rule flags and whose score is back above the repair line (level - tolerance * SD_ref, fixed at
the onset).
The loops below run over episode ranks and over sessions after the onset, each step handling every
client at once, never over clients.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import RepairConfig
from .table import Sessions


@dataclass(frozen=True)
class Episodes:
    """Row indices (into the sorted sessions) of each episode, and its repair status."""

    onset: np.ndarray
    lowest: np.ndarray
    last: np.ndarray  # the last session before the recovery (or the client's last session)
    recovery: np.ndarray  # the first recovered session, -1 when the series ends first
    repaired: np.ndarray  # 1 repaired, 0 not repaired, -1 unknown (series ended in the window)


def find_episodes(
    hit: np.ndarray, x: np.ndarray, line: np.ndarray, sessions: Sessions, repair: RepairConfig
) -> Episodes:
    """Every episode in the sessions; `line` is each row's repair line (NaN: no baseline yet)."""
    recovered = ~hit & ~np.isnan(x)  # the line is checked per episode, against the onset's
    held = _held(hit, x, sessions, repair.hold)
    candidates = np.flatnonzero(hit)
    first_rows = np.flatnonzero(sessions.position == 0)
    search_from, ends = first_rows.copy(), first_rows + sessions.length[first_rows]
    active, parts = np.arange(len(first_rows)), []
    while active.size:
        j = np.searchsorted(candidates, search_from[active])
        found = j < len(candidates)
        found[found] = candidates[j[found]] < ends[active[found]]
        active = active[found]
        onset = candidates[j[found]]
        part = _trace(onset, ends[active], x, line, (recovered, held), repair)
        parts.append(part)
        # flags inside a repaired episode's window belong to it (a report while mending is no
        # new rupture), so the next onset is sought after the window
        after_window = np.maximum(part.recovery, part.lowest + repair.window + 1)
        search_from[active] = np.where(part.recovery >= 0, after_window, ends[active])
        active = active[search_from[active] < ends[active]]
    return _concat(parts)


def _held(
    hit: np.ndarray, x: np.ndarray, sessions: Sessions, hold: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each of the `hold` sessions after a row: its score (NaN: absent) and whether flagged."""
    later = []
    for step in range(1, hold + 1):
        flagged = sessions.shift(hit.astype(float), step) == 1
        later.append((sessions.shift(x, step), flagged))
    return later


def _trace(
    onset: np.ndarray,
    end: np.ndarray,
    x: np.ndarray,
    line: np.ndarray,
    signals: tuple,
    repair: RepairConfig,
) -> Episodes:
    recovered, held = signals
    threshold = line[onset]
    lowest, low_value = onset.copy(), np.where(np.isnan(x[onset]), np.inf, x[onset])
    recovery = np.full(len(onset), -1)
    live, step = np.arange(len(onset)), 1
    while live.size:
        row = onset[live] + step
        live, row = live[row < end[live]], row[row < end[live]]
        with np.errstate(invalid="ignore"):
            back = recovered[row] & ~(x[row] < threshold[live])
            for later, flagged in held:  # a return counts when it holds (or the series ends)
                back &= ~(later[row] < threshold[live]) & ~flagged[row]
        recovery[live[back]] = row[back]
        live, row = live[~back], row[~back]
        if step < repair.max_decline:
            deeper = x[row] < low_value[live]
            lowest[live[deeper]], low_value[live[deeper]] = row[deeper], x[row[deeper]]
        step += 1
    last = np.where(recovery >= 0, recovery - 1, end - 1)
    return Episodes(
        onset, lowest, last, recovery, _status(onset, lowest, recovery, end, repair.window)
    )


def _status(
    onset: np.ndarray, lowest: np.ndarray, recovery: np.ndarray, end: np.ndarray, window: int
) -> np.ndarray:
    """Repaired (1), not repaired (0), or unknown (-1): the series ended before the window passed.

    The window has passed when `window` sessions followed the lowest one, or, for a score that
    never came back, when `window` sessions followed the onset: a lowest session that keeps
    moving later in a long low stretch does not make a return that never came unknowable.
    """
    in_time = (recovery >= 0) & (recovery - lowest <= window)
    window_seen = (lowest + window < end) | ((recovery < 0) & (onset + window < end))
    return np.where(in_time, 1, np.where(window_seen | (recovery >= 0), 0, -1))


def _concat(parts: list[Episodes]) -> Episodes:
    if not parts:
        empty = np.array([], dtype=np.int64)
        return Episodes(empty, empty, empty, empty, empty)
    fields = [
        np.concatenate([getattr(p, name) for p in parts])
        for name in ("onset", "lowest", "last", "recovery", "repaired")
    ]
    order = np.argsort(fields[0], kind="stable")
    return Episodes(*(values[order] for values in fields))
