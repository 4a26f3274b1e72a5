"""Planted ruptures: when, how deep (in the client's own SD), which dimensions, and their repair.

A rupture lowers the score at least 2 of the client's own SDs below where it would have been
(Stiles et al. 2004), reaching its lowest at the onset or one session later; repaired ruptures
return to about the earlier level within 1-3 sessions of the lowest (Eubanks, Muran & Safran),
the others stay down or come back late.
"""

from __future__ import annotations

import numpy as np

DIMENSIONS = ("goal", "task", "bond")
WINDOW = 3  # sessions after the lowest within which a repaired rupture returns
FIRST_ONSET = 5  # four earlier sessions give a running mean
RUPTURE_SHARE, SECOND_SHARE, REPAIRED_SHARE, ALL_DIMENSIONS_SHARE = 0.45, 0.2, 0.6, 0.5


def plant(n_sessions: int, noise_sd: float, rng: np.random.Generator) -> tuple[np.ndarray, list]:
    """(sessions x 3) drop of each dimension's latent score, and one dict per rupture."""
    drop, found = np.zeros((n_sessions, 3)), []
    start = FIRST_ONSET
    for share in (RUPTURE_SHARE, SECOND_SHARE):
        if start > n_sessions or rng.random() >= share:
            break
        rupture = _one(int(rng.integers(start, n_sessions + 1)), n_sessions, noise_sd, rng)
        drop += rupture.pop("drop")
        found.append(rupture)
        start = rupture["end_session"] + 5
    return drop, found


def _one(onset: int, n_sessions: int, noise_sd: float, rng: np.random.Generator) -> dict:
    depth_sd = float(rng.uniform(2.0, 4.5))
    lowest = min(onset + int(rng.random() < 0.3), n_sessions)
    repaired = bool(rng.random() < REPAIRED_SHARE)
    back = (
        lowest + int(rng.integers(1, WINDOW + 1)) if repaired else lowest + int(rng.integers(4, 7))
    )
    stays = not repaired and rng.random() < 0.5
    profile = _profile(onset, lowest, back, n_sessions, stays, rng)
    kind = "all" if rng.random() < ALL_DIMENSIONS_SHARE else str(rng.choice(DIMENSIONS))
    weights = np.ones(3) if kind == "all" else 3.0 * (np.array(DIMENSIONS) == kind)
    drop = depth_sd * noise_sd * profile[:, None] * weights[None, :]
    return {
        "onset_session": onset,
        "lowest_session": min(lowest, n_sessions),
        "depth_sd": depth_sd,
        "kind": kind,
        "repaired": _seen(repaired, lowest, back, n_sessions),
        "repair_session": back if repaired and back <= n_sessions else None,
        "end_session": n_sessions if stays else back,
        "drop": drop,
    }


def _profile(onset, lowest, back, n_sessions, stays, rng) -> np.ndarray:
    """Share of the full depth in each session (1-based sessions map to rows 0..n-1)."""
    share = np.zeros(n_sessions)
    if lowest > onset:
        share[onset - 1] = 0.6
    end = n_sessions if stays else back - 1
    rows = np.arange(lowest - 1, min(end, n_sessions))
    share[rows] = 1.0 if not stays else np.r_[1.0, rng.uniform(0.6, 0.9, len(rows) - 1)]
    if not stays:  # the way back: a repaired score ramps up; a late one stays well down until then
        ramp = np.arange(lowest, min(back - 1, n_sessions))
        late = back - lowest > WINDOW
        share[ramp] = np.linspace(0.9, 0.6, len(ramp)) if late else np.linspace(0.6, 0.3, len(ramp))
    return share


def _seen(repaired: bool, lowest: int, back: int, n_sessions: int) -> bool | None:
    """The truth as far as the series shows it: None when it ends before the window could pass."""
    if repaired:
        return True if back <= n_sessions else None
    return False if lowest + WINDOW <= n_sessions else None
