"""Expected curves on 50,000 episodes and the alliance-outcome model on 100,000 sessions.

Each is timed beside a baseline on the same rows in the same run: a plain least-squares fit
(numpy lstsq) of the same design. Target: under 60 s each.
"""

from __future__ import annotations

import time
import warnings

import numpy as np
import pandas as pd

from alliance.analysis.alliance_outcome import AllianceOutcomeModel
from alliance.analysis.trajectories import ExpectedRecovery

TARGET_SECONDS = 60.0


def episodes(n_clients: int, seed: int = 0, mean_sessions: float = 10.0) -> pd.DataFrame:
    """A session table: outcome falling on log(session), alliance with a within-client effect."""
    rng = np.random.default_rng(seed)
    counts = np.clip(rng.poisson(mean_sessions - 3, n_clients) + 3, 3, 30)
    client = np.repeat(np.arange(n_clients), counts)
    session = np.concatenate([np.arange(1, c + 1) for c in counts]).astype(float)
    intake = rng.normal(16, 4, n_clients)[client]
    trait = rng.normal(8, 1, n_clients)[client]
    alliance = trait + rng.normal(0, 0.8, len(client))
    outcome = (
        intake
        - rng.normal(3, 1, n_clients)[client] * np.log(session)
        + rng.normal(0, 2, len(client))
    )
    return pd.DataFrame(
        {
            "client_id": client.astype(str),
            "therapist_id": (client % 200).astype(str),
            "session": session,
            "alliance": alliance,
            "outcome": outcome,
        }
    )


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _baseline(table: pd.DataFrame) -> float:
    x = np.column_stack([np.ones(len(table)), np.log(table["session"]), table["alliance"]])
    return _timed(lambda: np.linalg.lstsq(x, table["outcome"].to_numpy(), rcond=None))


def measure(n_episodes: int, n_sessions: int) -> dict[str, float]:
    """Seconds for each fit and its baseline; the session table is grown to about n_sessions."""
    curves = episodes(n_episodes, seed=1)
    sessions = episodes(max(n_sessions // 10, 10), seed=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            "curves": _timed(lambda: ExpectedRecovery().fit(curves)),
            "curves_baseline": _baseline(curves),
            "curves_rows": len(curves),
            "model": _timed(lambda: AllianceOutcomeModel(dimensions=()).fit(sessions)),
            "model_baseline": _baseline(sessions),
            "model_rows": len(sessions),
        }


def run(n_episodes: int = 50_000, n_sessions: int = 100_000) -> bool:
    figures = measure(n_episodes, n_sessions)
    print(
        f"expected curves, {n_episodes} episodes ({figures['curves_rows']} sessions): "
        f"{figures['curves']:.2f} s; baseline least squares {figures['curves_baseline']:.3f} s"
    )
    print(
        f"alliance-outcome model, {figures['model_rows']} sessions: {figures['model']:.2f} s; "
        f"baseline least squares {figures['model_baseline']:.3f} s"
    )
    print(f"target: under {TARGET_SECONDS:.0f} s each")
    return figures["curves"] < TARGET_SECONDS and figures["model"] < TARGET_SECONDS
