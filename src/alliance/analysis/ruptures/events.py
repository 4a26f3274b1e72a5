"""Describe episodes as events: sessions, depth, the rules that fired, dimensions and repair."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .config import RuleConfig
from .context import Context
from .episodes import Episodes
from .signs import evidence_of, reads_signs, signs_of

COLUMNS = [
    "client_id",
    "onset_session",
    "lowest_session",
    "last_session",
    "depth",
    "depth_sd",
    "dimensions",
    "rule",
    "thresholds",
    "baseline",
    "repaired",
    "repair_session",
]
DIMENSION_SD = 1.0  # a dimension is named when it sits this many of its SD_ref below its level


def describe(
    episodes: Episodes,
    hits: dict[RuleConfig, np.ndarray],
    context: Context,
    line: np.ndarray,
    window: int,
) -> pd.DataFrame:
    """One row per episode, with the columns in COLUMNS."""
    frame, ref, x = context.sessions.frame, context.reference, context.alliance
    onset, lowest = episodes.onset, episodes.lowest
    baseline, sd_ref = ref.baseline[onset], ref.sd_ref[onset]
    depth = baseline - x[lowest]
    with np.errstate(invalid="ignore", divide="ignore"):
        depth_sd = np.where(sd_ref > 0, depth / sd_ref, np.nan)
    session = frame["session"].to_numpy()
    fired = _fired(episodes, hits)
    events = pd.DataFrame(
        {
            "client_id": frame["client_id"].to_numpy()[onset],
            "onset_session": session[onset],
            "lowest_session": session[lowest],
            "last_session": session[episodes.last],
            "depth": depth,
            "depth_sd": depth_sd,
            "dimensions": _dimensions(episodes, context),
            "rule": _rule_names(fired, list(hits)),
            "thresholds": _with_signs(
                _thresholds(fired, list(hits), sd_ref, line[onset], window),
                episodes,
                hits,
                context,
            ),
            "baseline": baseline,
            "repaired": _repaired(episodes.repaired),
            "repair_session": _repair_sessions(episodes, session),
        }
    )
    return events[COLUMNS]


def _fired(episodes: Episodes, hits: dict[RuleConfig, np.ndarray]) -> np.ndarray:
    """(episodes x rules): whether the rule flagged any session from onset to the last."""
    columns = []
    for hit in hits.values():
        running = np.r_[0, np.cumsum(hit)]
        columns.append(running[episodes.last + 1] - running[episodes.onset] > 0)
    return np.column_stack(columns) if columns else np.zeros((len(episodes.onset), 0), bool)


def _masks(flags: np.ndarray) -> np.ndarray:
    return (
        (flags * (1 << np.arange(flags.shape[1]))).sum(axis=1)
        if flags.size
        else np.zeros(len(flags), dtype=np.int64)
    )


def _rule_names(fired: np.ndarray, rules: list[RuleConfig]) -> np.ndarray:
    masks = _masks(fired)
    names = {
        int(m): "+".join(r.name for n, r in enumerate(rules) if m >> n & 1)
        for m in np.unique(masks)
    }
    return np.array([names[int(m)] for m in masks], dtype=object)


def _thresholds(
    fired: np.ndarray, rules: list[RuleConfig], sd_ref: np.ndarray, line: np.ndarray, window: int
) -> list[dict[str, Any]]:
    settings = [{k: v for k, v in r.to_dict().items() if k != "rule"} for r in rules]
    masks = _masks(fired)
    per_mask = {
        int(m): {r.name: settings[n] for n, r in enumerate(rules) if int(m) >> n & 1}
        for m in np.unique(masks)
    }
    return [
        {**per_mask[m], "sd_ref": _num(s), "repair_line": _num(li), "window": window}
        for m, s, li in zip(masks.tolist(), sd_ref.tolist(), line.tolist(), strict=True)
    ]


def _with_signs(
    thresholds: list[dict[str, Any]],
    episodes: Episodes,
    hits: dict[RuleConfig, np.ndarray],
    context: Context,
) -> list[dict[str, Any]]:
    """Add the signs read at the first session a signs-weighing rule flagged in each episode."""
    weighed = [hit for rule, hit in hits.items() if reads_signs(rule)]
    if not weighed:
        return thresholds
    flagged = np.flatnonzero(np.logical_or.reduce(weighed))
    session = context.sessions.frame["session"].to_numpy()
    first = np.searchsorted(flagged, episodes.onset)
    inside = first < len(flagged)
    inside[inside] = flagged[first[inside]] <= episodes.last[inside]
    rows = flagged[first[inside]]
    signs = signs_of(evidence_of(context), rows, session[rows])
    for n, sign in zip(np.flatnonzero(inside).tolist(), signs, strict=True):
        thresholds[n]["signs"] = sign
    return thresholds


def _num(value: float) -> float | None:
    return None if value != value else round(value, 4)  # a NaN is the one value unequal to itself


def _dimensions(episodes: Episodes, context: Context) -> list[list[str]]:
    names = context.dimensions
    if not names:
        return [[] for _ in episodes.onset]
    drops = []
    for name in names:
        ref, x = context.reference_of(name), context.sessions.required(name)
        with np.errstate(invalid="ignore", divide="ignore"):
            drops.append(
                (ref.baseline[episodes.onset] - x[episodes.lowest]) / ref.sd_ref[episodes.onset]
            )
    drops_sd = np.nan_to_num(np.column_stack(drops), nan=-np.inf, posinf=0.0)
    named = drops_sd >= DIMENSION_SD
    strongest = np.argmax(drops_sd, axis=1)
    fallback = ~named.any(axis=1) & (drops_sd.max(axis=1) > 0)
    named[fallback, strongest[fallback]] = True
    combos = {
        int(m): [d for n, d in enumerate(names) if int(m) >> n & 1]
        for m in np.unique(_masks(named))
    }
    return [list(combos[int(m)]) for m in _masks(named)]


def _repaired(status: np.ndarray) -> np.ndarray:
    return np.array([None, False, True], dtype=object)[status + 1]


def _repair_sessions(episodes: Episodes, session: np.ndarray) -> pd.Series:
    repaired = episodes.repaired == 1
    values = np.where(repaired, session[np.where(repaired, episodes.recovery, 0)], 0)
    return pd.Series(pd.array(values, dtype="Int64")).mask(~repaired)
