"""`alliance analyze` on 100,000 sessions with goal, task and bond (whole process) beside a bare
pass; and the alliance-outcome model in its default configuration beside the same pass.

The bare pass (benchmarks._baseline.analyze) reads the same CSV, fits a within-client least
squares per alliance scale, takes per-session outcome quantiles and writes a CSV. Target: at most
10x, alternated A B A B, for the whole command and for the model on its own.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from alliance.analysis.alliance_outcome import AllianceOutcomeModel

from ._baseline import analyze as analyze_baseline
from ._compare import PAIRS, alliance_argv, alternate, judge, python_argv, run_process

TARGET_RATIO = 10.0
# runs of each side inside one timed run of the in-process comparison: the bare pass takes tens of
# milliseconds, so one run of it alone is mostly timer and scheduler noise on a shared machine
REPEATS = 5
MAX_OUTCOME = 27  # the PHQ-9's range, which `alliance analyze` checks by default


def episodes(n_clients: int, seed: int = 0, mean_sessions: float = 10.0) -> pd.DataFrame:
    """Sessions: outcome falling on log(session), alliance and its dimensions with a trait."""
    rng = np.random.default_rng(seed)
    counts = np.clip(rng.poisson(mean_sessions - 3, n_clients) + 3, 3, 30)
    client = np.repeat(np.arange(n_clients), counts)
    session = np.concatenate([np.arange(1, c + 1) for c in counts]).astype(float)
    intake = rng.normal(16, 4, n_clients)[client]
    trait = rng.normal(7.5, 1, n_clients)[client]
    dims = np.clip(trait[:, None] + rng.normal(0, 0.8, (len(client), 3)), 0, 10).round(1)
    outcome = (
        intake
        - rng.normal(3, 1, n_clients)[client] * np.log(session)
        + rng.normal(0, 2, len(client))
    )
    return pd.DataFrame(
        {
            "client_id": np.char.add("c", client.astype(str)),
            "therapist_id": np.char.add("t", (client % 200).astype(str)),
            "session": session.astype(int),
            "alliance": dims.mean(axis=1).round(2),
            "goal": dims[:, 0],
            "task": dims[:, 1],
            "bond": dims[:, 2],
            "outcome": np.clip(outcome, 0, MAX_OUTCOME).round(),
        }
    )


def sessions_table(n_sessions: int, seed: int = 2) -> pd.DataFrame:
    """About n_sessions rows (ten sessions a client on average)."""
    return episodes(max(n_sessions // 10, 10), seed=seed)


def _within_ols(table: pd.DataFrame) -> None:
    analyze_baseline(table)


def measure_model(table: pd.DataFrame, *, pairs: int = PAIRS, repeats: int = REPEATS):
    """The default AllianceOutcomeModel (total and three dimensions) beside within-client OLS,
    each timed run doing its side `repeats` times over (the same count on both sides)."""
    return alternate(
        lambda: _times(repeats, lambda: AllianceOutcomeModel().fit(table)),
        lambda: _times(repeats, lambda: _within_ols(table)),
        pairs=pairs,
    )


def _times(repeats: int, work) -> None:
    for _ in range(repeats):
        work()


def measure_command(table: pd.DataFrame, *, pairs: int = PAIRS):
    """`alliance analyze --format json` beside the bare pass, each a whole process."""
    with tempfile.TemporaryDirectory(prefix="alliance-bench-analyze-") as folder:
        source, out = Path(folder) / "sessions.csv", Path(folder) / "out.txt"
        table.to_csv(source, index=False)
        return alternate(
            lambda: run_process(
                alliance_argv("analyze", str(source), "--format", "json"), stdout=out
            ),
            lambda: run_process(
                python_argv("benchmarks._baseline", "analyze", str(source), str(out))
            ),
            pairs=pairs,
        )


def run(n_sessions: int = 100_000, *, pairs: int = PAIRS) -> bool:
    table = sessions_table(n_sessions)
    print(f"sessions: {len(table):,} of {table['client_id'].nunique():,} clients, 3 dimensions")
    command = judge(
        "alliance analyze vs read + within OLS per scale + session quantiles + write",
        measure_command(table, pairs=pairs),
        at_most=TARGET_RATIO,
    )
    model = judge(
        f"AllianceOutcomeModel() (default: total + 3 dimensions) vs the same bare pass in process, "
        f"{REPEATS} runs of each side per timed run",
        measure_model(table, pairs=pairs),
        at_most=TARGET_RATIO,
    )
    return command and model
