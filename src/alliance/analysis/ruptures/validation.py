"""Score detected events against known ruptures: matching, precision, recall, F1, repair calls."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .table import check_sessions

ONSET_TOLERANCE = 1  # a detected onset within one session of the planted onset counts as found


@dataclass(frozen=True)
class Match:
    """One-to-one pairs of detected event rows and planted rupture rows."""

    event: np.ndarray
    truth: np.ndarray


def match_events(
    events: pd.DataFrame, truth: pd.DataFrame, tolerance: int = ONSET_TOLERANCE
) -> Match:
    """Pair events with ruptures of the same client whose onsets differ by at most `tolerance`."""
    left = events[["client_id", "onset_session"]].reset_index(names="event")
    right = truth[["client_id", "onset_session"]].reset_index(names="truth")
    pairs = left.merge(right, on="client_id", suffixes=("_e", "_t"))
    pairs["gap"] = (pairs["onset_session_e"] - pairs["onset_session_t"]).abs()
    pairs = pairs[pairs["gap"] <= tolerance].sort_values(["gap", "event", "truth"], kind="stable")
    pairs = pairs.drop_duplicates("event").drop_duplicates("truth")
    return Match(pairs["event"].to_numpy(), pairs["truth"].to_numpy())


def scores(
    events: pd.DataFrame,
    truth: pd.DataFrame,
    *,
    min_depth_sd: float = 0.0,
    keep: np.ndarray | None = None,
) -> dict:
    """Precision, recall, F1 and repair accuracy over the ruptures at least min_depth_sd deep
    (and, when given, marked in `keep`).

    Events matched to a rupture left out count neither as hits nor as false alarms.
    """
    match = match_events(events, truth)
    chosen = truth["depth_sd"].to_numpy() >= min_depth_sd
    if keep is not None:
        chosen &= np.asarray(keep, dtype=bool)
    kept = chosen[match.truth]
    ignored = len(match.event) - int(kept.sum())
    hits = int(kept.sum())
    n_truth = int(chosen.sum())
    n_events = len(events) - ignored
    precision = hits / n_events if n_events else float("nan")
    recall = hits / n_truth if n_truth else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "events": n_events,
        "ruptures": n_truth,
        "hits": hits,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        **_repair_calls(events, truth, match, kept),
    }


def _repair_calls(
    events: pd.DataFrame, truth: pd.DataFrame, match: Match, kept: np.ndarray
) -> dict:
    if "repaired" not in events:
        return {
            "repair_known": 0,
            "repair_right": float("nan"),
            "said_repaired_was_not": 0,
            "said_unrepaired_was": 0,
        }
    said = events["repaired"].to_numpy()[match.event[kept]]
    real = truth["repaired"].to_numpy()[match.truth[kept]]
    known = np.array(
        [
            s is not None and r is not None and not pd.isna(r) and not pd.isna(s)
            for s, r in zip(said, real, strict=True)
        ],
        dtype=bool,
    )
    said_known, real_known = said[known].astype(bool), real[known].astype(bool)
    right = said_known == real_known
    return {
        "repair_known": int(known.sum()),
        "repair_right": float(np.mean(right)) if len(right) else float("nan"),
        "said_repaired_was_not": int((said_known & ~real_known).sum()),
        "said_unrepaired_was": int((~said_known & real_known).sum()),
    }


def fully_seen(truth: pd.DataFrame, sessions: pd.DataFrame) -> np.ndarray:
    """Planted ruptures whose lowest session was attended, so their full depth could be seen.

    A rupture that starts in a client's last session and needs one more to bottom out shows only
    half its depth.
    """
    last = sessions.groupby("client_id")["session"].max()
    ends = truth["client_id"].map(last).to_numpy(dtype=float)
    return truth["lowest_session"].to_numpy(dtype=float) <= ends


def simple_drop_events(sessions: pd.DataFrame, drop: float = 0.25) -> pd.DataFrame:
    """The published alert recipe: any session at least `drop` points below the one before.

    On a 0-40 total the recipe is a 1-point drop; the check-in total is a 0-10 mean, so 1/40 of the
    range is 0.25 points.
    """
    checked = check_sessions(sessions)
    x = checked.required("alliance")
    with np.errstate(invalid="ignore"):
        flagged = checked.shift(x, -1) - x >= drop
    rows = checked.frame[flagged]
    return pd.DataFrame(
        {"client_id": rows["client_id"].to_numpy(), "onset_session": rows["session"].to_numpy()}
    )


def pooled_counts(results: list[dict]) -> dict:
    """Precision, recall and F1 over several clinics, from their summed counts."""
    hits = sum(r["hits"] for r in results)
    events = sum(r["events"] for r in results)
    ruptures = sum(r["ruptures"] for r in results)
    precision = hits / events if events else float("nan")
    recall = hits / ruptures if ruptures else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    known = sum(r["repair_known"] for r in results)
    right = sum(r["repair_right"] * r["repair_known"] for r in results if r["repair_known"])
    return {
        "events": events,
        "ruptures": ruptures,
        "hits": hits,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "repair_known": known,
        "repair_right": right / known if known else float("nan"),
        **{
            key: sum(r[key] for r in results)
            for key in ("said_repaired_was_not", "said_unrepaired_was")
        },
    }


def per_client_counts(events: pd.DataFrame, truth: pd.DataFrame, clients: pd.Index) -> pd.DataFrame:
    """Per client: events, ruptures, hits, repair calls known and right (for bootstrapping)."""
    match = match_events(events, truth)
    said = events["repaired"].to_numpy()[match.event] if len(events) else np.array([])
    real = truth["repaired"].to_numpy()[match.truth]
    pairs = list(zip(said, real, strict=True))
    known = np.array([_both_known(s, r) for s, r in pairs], dtype=bool)
    right = np.array([bool(s) == bool(r) for s, r in pairs], dtype=bool) & known
    hit_client = truth["client_id"].to_numpy()[match.truth]
    frame = pd.DataFrame(index=clients)
    frame["events"] = events["client_id"].value_counts()
    frame["ruptures"] = truth["client_id"].value_counts()
    frame["hits"] = pd.Series(hit_client).value_counts()
    frame["repair_known"] = pd.Series(hit_client[known]).value_counts()
    frame["repair_right"] = pd.Series(hit_client[right]).value_counts()
    return frame.fillna(0).astype(int)


def _both_known(said, real) -> bool:
    return not (said is None or real is None or pd.isna(said) or pd.isna(real))


def rates(counts: pd.DataFrame | pd.Series) -> dict[str, float]:
    """Precision, recall, F1 and repair accuracy from summed counts."""
    total = counts.sum() if isinstance(counts, pd.DataFrame) else counts
    precision = total["hits"] / total["events"] if total["events"] else float("nan")
    recall = total["hits"] / total["ruptures"] if total["ruptures"] else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    known = total["repair_known"]
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "repair_right": total["repair_right"] / known if known else float("nan"),
    }


def bootstrap(counts: pd.DataFrame, seed: int = 0, draws: int = 400) -> dict[str, tuple]:
    """95 % percentile intervals of each rate, resampling clients with replacement."""
    rng = np.random.default_rng(seed)
    values = counts.to_numpy(dtype=float)
    weights = rng.multinomial(len(values), np.full(len(values), 1 / len(values)), size=draws)
    sums = weights @ values
    drawn = [rates(pd.Series(row, index=counts.columns)) for row in sums]
    return {key: tuple(np.nanpercentile([d[key] for d in drawn], [2.5, 97.5])) for key in drawn[0]}
