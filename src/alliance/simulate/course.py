"""Run every client through their episode, one session at a time (vectorised across clients)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .alliance import AllianceProcess
from .answers import alliance_items, client_rupture_items, therapist_items
from .config import ClinicConfig
from .outcome import expected_alliance, outcome_at
from .people import Clients

CLIENT_ITEMS = ("1", "2", "3", "4", "5", "6", "8", "9")
THERAPIST_ITEMS = ("1", "2", "3", "4", "5", "6", "7", "8")


@dataclass
class Course:
    """What happened: (client, session) matrices, with the episode lengths and planted ruptures."""

    attended: np.ndarray  # (n, T) bool
    client_items: np.ndarray  # (n, T, 8) in CLIENT_ITEMS order, -1 = not answered
    therapist_items: np.ndarray  # (n, T, 8) in THERAPIST_ITEMS order
    alliance: np.ndarray  # (n, T) the client's check-in mean, as generated
    outcome: np.ndarray  # (n, T) PHQ-9 total
    n_sessions: np.ndarray
    dropped_out: np.ndarray
    ruptures: dict[str, np.ndarray]
    depth_unit_floor: float = 0.0  # the clinic's pooled rupture-free SD of the observed total


def run_course(
    config: ClinicConfig,
    clients: Clients,
    rng: np.random.Generator,
    progress: Callable[[int], None] | None = None,
) -> Course:
    n, last = len(clients.ids), config.max_sessions
    process = AllianceProcess(config, clients, rng)
    course = _empty_course(n, last, clients)
    usual = expected_alliance(clients, config)
    deviation = np.full(n, np.nan)
    for session in range(1, last + 1):
        attending = session <= course.n_sessions
        latent, drop = process.step(session, attending)
        items = alliance_items(latent, config.item_noise_sd, rng)
        rupture = client_rupture_items(drop, config, rng)
        col = session - 1
        course.attended[:, col] = attending
        course.client_items[:, col] = np.column_stack([items, rupture])
        course.therapist_items[:, col] = therapist_items(latent, drop, config, rng)
        course.outcome[:, col] = outcome_at(session, clients, deviation, config, rng)
        course.alliance[:, col] = items.mean(axis=1)
        deviation = course.alliance[:, col] - usual[:, col]
        _drop_out(session, attending, process.unrepaired_seen, course, config, rng)
        if progress is not None:
            progress(1)
    course.ruptures = process.log.arrays() if process.log.columns else _no_ruptures()
    course.depth_unit_floor = process.depth_unit_floor
    return course


def _empty_course(n: int, last: int, clients: Clients) -> Course:
    return Course(
        attended=np.zeros((n, last), dtype=bool),
        client_items=np.full((n, last, len(CLIENT_ITEMS)), -1, dtype=np.int8),
        therapist_items=np.full((n, last, len(THERAPIST_ITEMS)), -1, dtype=np.int8),
        alliance=np.full((n, last), np.nan),
        outcome=np.full((n, last), -1, dtype=int),
        n_sessions=clients.planned_sessions.copy(),
        dropped_out=np.zeros(n, dtype=bool),
        ruptures={},
    )


def _drop_out(
    session: int,
    attending: np.ndarray,
    unrepaired_seen: np.ndarray,
    course: Course,
    config: ClinicConfig,
    rng: np.random.Generator,
) -> None:
    """Some clients do not come back after this session; more so after an unrepaired rupture."""
    hazard = config.dropout_hazard * np.where(
        unrepaired_seen, config.dropout_unrepaired_multiplier, 1.0
    )
    could_leave = attending & (session >= config.min_sessions) & (session < course.n_sessions)
    leave = could_leave & (rng.random(len(attending)) < np.minimum(hazard, 1.0))
    course.n_sessions[leave] = session
    course.dropped_out[leave] = True


def _no_ruptures() -> dict[str, np.ndarray]:
    names = ("client", "onset_session", "lowest_session", "dimension", "planned_repair_session")
    empty: dict[str, np.ndarray] = {name: np.zeros(0, dtype=int) for name in names}
    for name in ("depth", "depth_sd", "depth_unit", "latent_depth", "latent_depth_sd"):
        empty[name] = np.zeros(0)
    empty.update(will_repair=np.zeros(0, dtype=bool), therapist_noticed=np.zeros(0, dtype=bool))
    return empty
