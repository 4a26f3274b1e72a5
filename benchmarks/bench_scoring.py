"""`alliance score` on a million answer rows, whole process, beside read + group-by sum + write.

Target: at most 3x the bare pass, alternated A B A B.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from alliance.measures import get_instrument

from ._compare import PAIRS, alliance_argv, alternate, judge, python_argv, run_process

KEYS = ["client_id", "session", "instrument", "respondent"]
N_ROWS = 1_000_000
SEED = 20261125
TARGET_RATIO = 3.0
WAI_EVERY = 4  # the longer WAI-SR is given every fourth session
MISSING_SHARE = 0.015
OPTIONAL_SHARE = 0.3


def generate_answers(n_rows: int = N_ROWS, *, seed: int = SEED) -> pd.DataFrame:
    """Seeded interchange-format rows: every session a check-in and a PHQ-9, every 4th a WAI-SR."""
    rng = np.random.default_rng(seed)
    sessions = _sessions(rng, n_clients=max(1, n_rows // 180))
    parts = [
        _administrations(rng, sessions, "alliance-checkin"),
        _administrations(rng, sessions, "phq-9"),
        _administrations(rng, sessions[sessions["session"] % WAI_EVERY == 1], "wai-sr"),
    ]
    rows = pd.concat(parts, ignore_index=True)
    rows = rows[rng.random(len(rows)) >= MISSING_SHARE]
    rows = rows.sort_values(["client_id", "session"], kind="stable").head(n_rows)
    return rows.reset_index(drop=True)


def _sessions(rng: np.random.Generator, n_clients: int) -> pd.DataFrame:
    counts = rng.integers(5, 31, size=n_clients)
    client = np.repeat(np.arange(n_clients), counts)
    session = np.concatenate([np.arange(1, n + 1) for n in counts])
    level = rng.uniform(0.2, 0.95, size=n_clients)[client]
    return pd.DataFrame({"client": client, "session": session, "level": level})


def _administrations(rng: np.random.Generator, sessions: pd.DataFrame, instrument_id: str):
    inst = get_instrument(instrument_id)
    items = list(inst.scored_items)
    n_items = len(items)
    lows = np.array([item.low for item in items])
    highs = np.array([item.high for item in items])
    level = np.repeat(sessions["level"].to_numpy(), n_items)
    spread = np.tile(highs - lows, len(sessions))
    noise = rng.normal(0, 0.15, size=len(level))
    values = np.tile(lows, len(sessions)) + np.rint(np.clip(level + noise, 0, 1) * spread)
    frame = pd.DataFrame(
        {
            "client_id": _client_ids(np.repeat(sessions["client"].to_numpy(), n_items)),
            "session": np.repeat(sessions["session"].to_numpy(), n_items),
            "instrument": instrument_id,
            "item": np.tile([item.id for item in items], len(sessions)),
            "value": values.astype(np.int64),
            "respondent": "client",
        }
    )
    optional = np.tile([not item.required for item in items], len(sessions))
    return frame[~optional | (rng.random(len(frame)) < OPTIONAL_SHARE)]


def _client_ids(numbers: np.ndarray) -> np.ndarray:
    return np.char.add("c", numbers.astype(str))


def group_sum(answers: pd.DataFrame) -> pd.Series:
    """The in-process baseline: the simplest per-administration aggregate pandas can do."""
    return answers.groupby(KEYS, sort=False)["value"].sum()


def run(n_rows: int = N_ROWS, *, pairs: int = PAIRS) -> bool:
    """`alliance score` on a CSV of n_rows beside read + group-by sum + write, alternated."""
    answers = generate_answers(n_rows)
    with tempfile.TemporaryDirectory(prefix="alliance-bench-score-") as folder:
        source, out = Path(folder) / "answers.csv", Path(folder) / "out.csv"
        answers.to_csv(source, index=False)
        found = alternate(
            lambda: run_process(alliance_argv("score", str(source), "--format", "csv"), stdout=out),
            lambda: run_process(
                python_argv("benchmarks._baseline", "score", str(source), str(out))
            ),
            pairs=pairs,
        )
    print(f"rows: {len(answers):,} answer rows in one CSV; whole process, CSV out")
    return judge("alliance score vs read + group-by sum + write", found, at_most=TARGET_RATIO)
