"""Rupture detection on a million session rows: RuptureDetector().fit against a plain pandas pass.

The baseline is the least a rupture screen must do over the same rows: a grouped expanding mean of
earlier sessions and a drop-since-last-session threshold, vectorised in pandas.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from alliance.analysis.ruptures import RuptureDetector

TARGET_SECONDS = 5.0


def session_table(n_clients: int = 50_000, n_sessions: int = 20, seed: int = 11) -> pd.DataFrame:
    """Seeded session rows with trait, noise and occasional drops, on the check-in's 0-10 scale."""
    rng = np.random.default_rng(seed)
    shape = (n_clients, n_sessions)
    trait = rng.normal(8.0, 1.0, size=(n_clients, 1))
    dims = trait[:, :, None] + rng.normal(0.0, 0.6, size=(*shape, 3))
    drop = (rng.random(shape) < 0.04)[:, :, None] * rng.uniform(1.0, 3.0, size=(*shape, 1))
    dims = np.clip(np.round((dims - drop) * 6) / 6, 0, 10)
    reported = np.where(drop[:, :, 0] > 0, rng.integers(0, 3, size=shape), 0)
    return pd.DataFrame(
        {
            "client_id": np.repeat([f"C{n:06d}" for n in range(n_clients)], n_sessions),
            "session": np.tile(np.arange(1, n_sessions + 1), n_clients),
            "alliance": dims.mean(axis=2).ravel(),
            "goal": dims[:, :, 0].ravel(),
            "task": dims[:, :, 1].ravel(),
            "bond": dims[:, :, 2].ravel(),
            "rupture_reported": reported.ravel(),
        }
    )


def pandas_baseline(table: pd.DataFrame, k: float = 2.0, drop: float = 0.25) -> pd.Series:
    """Flag sessions k pooled SDs under the mean of earlier sessions or `drop` under the last."""
    grouped = table.groupby("client_id", sort=False)["alliance"]
    earlier = grouped.cumcount()
    mean_before = (grouped.cumsum() - table["alliance"]) / earlier.where(earlier >= 3)
    sd = (table["alliance"] - grouped.transform("mean")).std()
    return (table["alliance"] <= mean_before - k * sd) | (grouped.diff() <= -drop)


def timed(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def run(n_clients: int = 50_000, n_sessions: int = 20) -> bool:
    table = session_table(n_clients, n_sessions)
    seconds, detector = timed(lambda: RuptureDetector().fit(table))
    base_seconds, flags = timed(lambda: pandas_baseline(table))
    print(f"rows: {len(table):,} ({n_clients:,} clients x {n_sessions} sessions)")
    print(
        f"RuptureDetector().fit (clinic default): {seconds:.2f} s, {len(detector.events_):,} events"
    )
    print(
        f"pandas baseline (expanding mean + drop threshold): {base_seconds:.2f} s, "
        f"{int(flags.sum()):,} flagged sessions"
    )
    print(
        f"ratio detector / baseline: {seconds / base_seconds:.1f}x; "
        f"target under {TARGET_SECONDS:.0f} s: {'met' if seconds < TARGET_SECONDS else 'MISSED'}"
    )
    return seconds < TARGET_SECONDS
