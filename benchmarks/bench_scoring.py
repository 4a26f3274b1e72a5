"""Score a million answer rows, beside a plain pandas group-by sum of the same rows."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from alliance.measures import get_instrument, score_answers

KEYS = ["client_id", "session", "instrument", "respondent"]
N_ROWS = 1_000_000
SEED = 20261125
TARGET_SECONDS = 10.0
TARGET_RATIO = 3.0
WAI_EVERY = 4  # the longer WAI-SR is given every fourth session
MISSING_SHARE = 0.015
OPTIONAL_SHARE = 0.3
REPEATS = 3  # each side is timed as its best of three runs, which damps noise from other work


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
    """The baseline: the simplest per-administration aggregate pandas can do."""
    return answers.groupby(KEYS, sort=False)["value"].sum()


def _timed(function, answers: pd.DataFrame) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = function(answers)
        best = min(best, time.perf_counter() - start)
    return best, result


def run(n_rows: int = N_ROWS) -> bool:
    """Print the scoring time, the group-by time and their ratio; True when both targets are met."""
    answers = generate_answers(n_rows)
    baseline_seconds, summed = _timed(group_sum, answers)
    scoring_seconds, scored = _timed(score_answers, answers)
    ratio = scoring_seconds / baseline_seconds
    print(
        f"rows: {len(answers):,}; administrations: {len(scored):,} (group-by found {len(summed):,})"
    )
    print(
        f"score_answers: {scoring_seconds:.2f} s, best of {REPEATS} "
        f"(target under {TARGET_SECONDS:g} s)"
    )
    print(f"pandas group-by sum (baseline): {baseline_seconds:.2f} s")
    print(f"ratio: {ratio:.2f}x (target at most {TARGET_RATIO:g}x)")
    met = scoring_seconds < TARGET_SECONDS and ratio <= TARGET_RATIO
    print("target met" if met else "target NOT met")
    return met
