"""The signs a rupture leaves in a session, each in SD_ref units, and how strong they are together.

- drop: the alliance below the client's baseline, as in v-episode;
- dimension: one dimension falling beyond the other two (docs/science.md §5: a single dimension
  falls while the others hold). For goal, task and bond in turn, the score less the mean of the
  other two is compared with the same difference in the client's earlier sessions; the largest;
- therapist: the therapist rating the session above the client by more than the pair usually
  differ (section 5: the therapist rates the session much higher than the client).

An ordinary bad session lowers all three dimensions together and the therapist sees it too, so it
moves only the drop; a rupture strains one part of the work and the therapist may miss it, so it
moves all three. The signs a session has are combined as Stouffer's Z (their sum over the square
root of their number); the evidence is the stronger of that and the drop alone, so the other signs
can add to a drop but never hide one. A table without dimensions or therapist ratings has the drop
only, and a sign whose SD_ref is 0 cannot be judged and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from alliance.measures import DIMENSIONS

from .baseline import Reference, reference
from .config import RuleConfig
from .table import RuptureInputError

if TYPE_CHECKING:
    from .context import Context

THERAPIST = "therapist_alliance"


@dataclass(frozen=True)
class Evidence:
    """Per session: each sign in SD_ref (NaN when it cannot be read) and the evidence in all."""

    drop: np.ndarray
    dimension: np.ndarray
    dimension_name: np.ndarray  # which dimension fell furthest beyond the others (None: no sign)
    dimension_points: np.ndarray  # that fall beyond the usual difference, in scale points
    therapist: np.ndarray
    therapist_points: np.ndarray  # the therapist's rating above the client's beyond the usual
    combined: np.ndarray  # Stouffer's Z of the signs the session has
    strength: np.ndarray  # the larger of drop and combined; NaN unless below the baseline


def reads_signs(rule: RuleConfig) -> bool:
    """Whether a rule judges the scores by the evidence of all the signs."""
    return rule.reads_signs


def has_pattern_signs(columns: Iterable[str]) -> bool:
    """Whether a table can show a sign beyond the drop (all three dimensions, or the therapist)."""
    return set(DIMENSIONS) <= set(columns) or THERAPIST in columns


def require_pattern_signs(context: Context, owner: str) -> None:
    """Fail, naming the columns, when the table shows no sign beyond the drop."""
    if not has_pattern_signs(context.sessions.frame.columns):
        raise RuptureInputError(
            f"{owner} needs the columns goal, task and bond or the column {THERAPIST}, "
            "which the table lacks"
        )


def evidence_of(context: Context) -> Evidence:
    """Each session's rupture signs and their evidence together, computed once per fit."""
    return context.memo("evidence", lambda: evidence(context))


def evidence(context: Context) -> Evidence:
    """Every sign of every session, and the evidence they give together."""
    ref = context.reference
    drop = _in_sd(ref.baseline - context.alliance, ref.sd_ref)
    dimension, name, points = _dimension_sign(context)
    therapist, therapist_points = _therapist_sign(context)
    signs = np.column_stack([drop, dimension, therapist])
    count = np.sum(~np.isnan(signs), axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        combined = np.where(count > 0, np.nansum(signs, axis=1) / np.sqrt(count), np.nan)
        below = context.alliance < ref.baseline
    strength = np.where(below, np.fmax(drop, combined), np.nan)
    return Evidence(drop, dimension, name, points, therapist, therapist_points, combined, strength)


def _in_sd(deviation: np.ndarray, sd_ref: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(sd_ref > 0, deviation / sd_ref, np.nan)


def _fall(values: np.ndarray, context: Context) -> tuple[np.ndarray, Reference]:
    """How far values sit below their own baseline, in points, and that reference."""
    ref = reference(values, context.sessions, context.baseline_config)
    return ref.baseline - values, ref


def _dimension_sign(context: Context) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(furthest fall in SDs, which dimension, its fall in points) per session."""
    n = context.sessions.n
    if not set(DIMENSIONS) <= set(context.sessions.frame):
        return np.full(n, np.nan), np.full(n, None, dtype=object), np.full(n, np.nan)
    scores = np.column_stack([context.sessions.required(d) for d in DIMENSIONS])
    falls, sds = [], []
    for index in range(len(DIMENSIONS)):
        others = np.delete(scores, index, axis=1).mean(axis=1)
        fall, ref = _fall(scores[:, index] - others, context)
        falls.append(fall)
        sds.append(_in_sd(fall, ref.sd_ref))
    in_sd = np.column_stack(sds)
    seen = ~np.isnan(in_sd).all(axis=1)
    furthest = np.argmax(np.where(np.isnan(in_sd), -np.inf, in_sd), axis=1)
    rows: np.ndarray = np.arange(n)
    name = np.where(seen, np.array(DIMENSIONS, dtype=object)[furthest], np.full(n, None))
    points = np.where(seen, np.column_stack(falls)[rows, furthest], np.nan)
    return np.where(seen, in_sd[rows, furthest], np.nan), name, points


def _therapist_sign(context: Context) -> tuple[np.ndarray, np.ndarray]:
    therapist = context.sessions.column(THERAPIST)
    if therapist is None:
        return np.full(context.sessions.n, np.nan), np.full(context.sessions.n, np.nan)
    # the gap widens when the client's score falls and the therapist's does not
    under_usual, ref = _fall(therapist - context.alliance, context)
    widening = -under_usual
    return _in_sd(widening, ref.sd_ref), widening


def signs_of(found: Evidence, rows: np.ndarray, sessions: np.ndarray) -> list[dict[str, Any]]:
    """Those sessions' signs as plain values for events' thresholds (None: not readable)."""

    def numbers(values: np.ndarray) -> list[float | None]:
        return [None if v != v else round(v, 4) for v in values[rows].astype(float).tolist()]

    columns = {
        "session": [int(session) for session in sessions.tolist()],
        "drop_sd": numbers(found.drop),
        "dimension": found.dimension_name[rows].tolist(),
        "dimension_sd": numbers(found.dimension),
        "dimension_points": numbers(found.dimension_points),
        "therapist_sd": numbers(found.therapist),
        "therapist_points": numbers(found.therapist_points),
        "combined_sd": numbers(found.combined),
    }
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]
