"""Turn a simulated course into the clinic's tables; session scores are the scored answers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from alliance.measures import DIMENSIONS, score_answers

from .answers import MISSING, phq_items
from .config import ClinicConfig
from .course import CLIENT_ITEMS, THERAPIST_ITEMS, Course
from .people import Clients, Therapists

PHQ_ITEMS = tuple(str(n) for n in range(1, 10))
ANSWER_COLUMNS = [
    "client_id",
    "session",
    "instrument",
    "item",
    "value",
    "respondent",
    "therapist_id",
    "date",
]


def session_dates(config: ClinicConfig, clients: Clients) -> np.ndarray:
    """(n, T) weekly dates from each client's start week."""
    start = np.datetime64(config.start_date, "D") + 7 * clients.start_week
    weeks = 7 * np.arange(config.max_sessions)
    return start[:, None] + weeks[None, :]


def answers_frame(
    course: Course,
    clients: Clients,
    therapists: Therapists,
    dates: np.ndarray,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Interchange-format answers: the client check-in, the therapist mirror and the PHQ-9."""
    who, col = np.nonzero(course.attended)
    phq = _phq_block(course, clients, who, col, rng)
    values = np.hstack([course.client_items[who, col], course.therapist_items[who, col], phq])
    # Row-major order of the nonzero cells is client, session, then instrument and item.
    cell, column = np.nonzero(values != MISSING)
    cell_who, cell_col = who[cell], col[cell]
    return pd.DataFrame(
        {
            "client_id": clients.ids[cell_who],
            "session": cell_col + 1,
            "instrument": _BLOCK_INSTRUMENT[column],
            "item": _BLOCK_ITEM[column],
            "value": values[cell, column].astype(int),
            "respondent": _BLOCK_RESPONDENT[column],
            "therapist_id": therapists.ids[clients.therapist[cell_who]],
            "date": dates[cell_who, cell_col],
        },
        columns=ANSWER_COLUMNS,
    )


_BLOCKS = [
    ("alliance-checkin", "client", CLIENT_ITEMS),
    ("alliance-checkin-t", "therapist", THERAPIST_ITEMS),
    ("phq-9", "client", PHQ_ITEMS),
]
_BLOCK_INSTRUMENT = np.array([name for name, _, items in _BLOCKS for _ in items], dtype=object)
_BLOCK_RESPONDENT = np.array([who for _, who, items in _BLOCKS for _ in items], dtype=object)
_BLOCK_ITEM = np.array([item for _, _, items in _BLOCKS for item in items], dtype=object)


def _phq_block(
    course: Course, clients: Clients, who: np.ndarray, col: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    profile = rng.dirichlet(np.full(9, 4.0), size=len(clients.ids))
    totals = course.outcome[who, col]
    return phq_items(totals, profile[who], clients.at_risk[who], rng)


def sessions_frame(
    answers: pd.DataFrame,
    course: Course,
    clients: Clients,
    therapists: Therapists,
    dates: np.ndarray,
) -> pd.DataFrame:
    """One row per attended session; every score comes from scoring the answers."""
    who, col = np.nonzero(course.attended)
    table = pd.DataFrame(
        {
            "client_id": clients.ids[who],
            "therapist_id": therapists.ids[clients.therapist[who]],
            "session": col + 1,
            "date": dates[who, col],
        }
    )
    scored = score_answers(answers)
    for name, renames in _SCORE_COLUMNS.items():
        part = scored.loc[scored["instrument"] == name, ["client_id", "session", *renames]]
        table = table.merge(
            part.rename(columns=renames),
            on=["client_id", "session"],
            how="left",
            validate="one_to_one",
        )
    table["rupture_reported"] = course.client_items[who, col, CLIENT_ITEMS.index("8")].astype(int)
    table["therapist_strain"] = course.therapist_items[who, col, THERAPIST_ITEMS.index("7")]
    table["therapist_strain"] = table["therapist_strain"].astype(int)
    table["outcome"] = table["outcome"].astype(int)
    return table[_SESSION_ORDER]


_SCORE_COLUMNS = {
    "alliance-checkin": {"total": "alliance", "goal": "goal", "task": "task", "bond": "bond"},
    "alliance-checkin-t": {"total": "therapist_alliance"},
    "phq-9": {"total": "outcome"},
}
_SESSION_ORDER = [
    "client_id",
    "therapist_id",
    "session",
    "date",
    "alliance",
    "goal",
    "task",
    "bond",
    "therapist_alliance",
    "rupture_reported",
    "therapist_strain",
    "outcome",
]


def clients_frame(
    config: ClinicConfig,
    course: Course,
    clients: Clients,
    therapists: Therapists,
    dates: np.ndarray,
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "client_id": clients.ids,
            "therapist_id": therapists.ids[clients.therapist],
            "trait_alliance": clients.trait,
            "intake_severity": clients.intake.astype(int),
            "n_sessions": course.n_sessions,
            "ended": np.where(course.dropped_out, "dropped-out", "completed"),
            "start_date": dates[:, 0],
            "planned_sessions": clients.planned_sessions,
            "within_sd": clients.within_sd,
            "improvement_slope": clients.slope,
            "deteriorates": clients.deteriorates,
            "at_risk": clients.at_risk,
            "repair_prob": clients.repair_prob,
        }
    )


def therapists_frame(therapists: Therapists, clients: Clients) -> pd.DataFrame:
    caseload = np.bincount(clients.therapist, minlength=len(therapists.ids))
    return pd.DataFrame(
        {
            "therapist_id": therapists.ids,
            "repair_skill": therapists.repair_skill,
            "n_clients": caseload,
        }
    )


def ruptures_frame(
    config: ClinicConfig, course: Course, clients: Clients, therapists: Therapists
) -> pd.DataFrame:
    """The planted ruptures, with whether their repair (or its absence) could be seen."""
    r = course.ruptures
    who = r["client"]
    ends = course.n_sessions[who]
    window_end = r["lowest_session"] + config.repair_lag_max
    repaired = np.full(len(who), None, dtype=object)
    repaired[r["will_repair"] & (r["planned_repair_session"] <= ends)] = True
    repaired[~r["will_repair"] & (window_end <= ends)] = False
    repair_session = np.where(repaired == True, r["planned_repair_session"], np.nan)  # noqa: E712
    frame = pd.DataFrame(
        {
            "client_id": clients.ids[who],
            "therapist_id": therapists.ids[clients.therapist[who]],
            "onset_session": r["onset_session"],
            "lowest_session": r["lowest_session"],
            "depth": r["depth"],
            "depth_sd": r["depth_sd"],
            "depth_unit": r["depth_unit"],
            "latent_depth": r["latent_depth"],
            "latent_depth_sd": r["latent_depth_sd"],
            "dimension": np.asarray(DIMENSIONS, dtype=object)[r["dimension"]],
            "repaired": repaired,
            "repair_session": repair_session,
            "therapist_noticed": r["therapist_noticed"],
            "observed_drop": _observed_drop(course, who, r["onset_session"], r["lowest_session"]),
        }
    )
    frame = frame.sort_values(["client_id", "onset_session"], kind="stable", ignore_index=True)
    frame.insert(0, "rupture_id", [f"R{n:05d}" for n in range(1, len(frame) + 1)])
    return frame


def _observed_drop(
    course: Course, who: np.ndarray, onset: np.ndarray, lowest: np.ndarray
) -> np.ndarray:
    """Mean reported alliance before onset minus the reported alliance at the lowest session."""
    before = np.arange(course.alliance.shape[1])[None, :] < (onset - 1)[:, None]
    baseline = np.nanmean(np.where(before, course.alliance[who], np.nan), axis=1)
    seen = lowest <= course.n_sessions[who]
    at_lowest = course.alliance[who, np.minimum(lowest, course.alliance.shape[1]) - 1]
    return np.where(seen, baseline - at_lowest, np.nan)
