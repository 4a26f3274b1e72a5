"""`alliance ruptures` on a million session rows, whole process, beside a bare pandas pass.

The baseline is the least a rupture screen must do over the same rows, vectorised in pandas: the
expanding mean and SD of each client's earlier sessions, a 2-SD drop, and a return to the earlier
mean within 3 sessions. Target: at most 3x, alternated A B A B.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from ._baseline import ruptures as ruptures_baseline
from ._compare import PAIRS, alliance_argv, alternate, judge, python_argv, run_process

TARGET_RATIO = 3.0


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


def pandas_baseline(table: pd.DataFrame) -> pd.DataFrame:
    """The bare pass, in process: see benchmarks._baseline.ruptures."""
    return ruptures_baseline(table)


def run(n_clients: int = 50_000, n_sessions: int = 20, *, pairs: int = PAIRS) -> bool:
    """`alliance ruptures` (default rules) beside the bare pass, whole process, alternated."""
    table = session_table(n_clients, n_sessions)
    with tempfile.TemporaryDirectory(prefix="alliance-bench-ruptures-") as folder:
        source, out = Path(folder) / "sessions.csv", Path(folder) / "out.csv"
        table.to_csv(source, index=False)
        found = alternate(
            lambda: run_process(
                alliance_argv("ruptures", str(source), "--format", "csv"), stdout=out
            ),
            lambda: run_process(
                python_argv("benchmarks._baseline", "ruptures", str(source), str(out))
            ),
            pairs=pairs,
        )
    print(f"rows: {len(table):,} ({n_clients:,} clients x {n_sessions} sessions); whole process")
    return judge("alliance ruptures vs expanding mean/SD pass", found, at_most=TARGET_RATIO)
