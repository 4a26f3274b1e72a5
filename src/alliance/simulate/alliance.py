"""The latent alliance: a trait, an AR(1) session-to-session deviation, and planted ruptures."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .config import ClinicConfig
from .people import Clients

DIMENSIONS = ("goal", "task", "bond")


@dataclass
class SessionDrop:
    """How far ruptures pull each client's alliance down in one session."""

    dimensions: np.ndarray  # (n, 3) drop on goal, task, bond
    in_rupture: np.ndarray  # a rupture is under way and still pulling the alliance down
    noticed: np.ndarray  # ... and the therapist has noticed it


@dataclass
class RuptureLog:
    """The planted ruptures, one list entry per batch of onsets."""

    columns: dict[str, list[np.ndarray]] = field(default_factory=dict)

    def add(self, **values: np.ndarray) -> None:
        for name, value in values.items():
            self.columns.setdefault(name, []).append(value)

    def arrays(self) -> dict[str, np.ndarray]:
        return {name: np.concatenate(parts) for name, parts in self.columns.items()}


class AllianceProcess:
    """Steps every client's latent alliance forward one session at a time."""

    def __init__(self, config: ClinicConfig, clients: Clients, rng: np.random.Generator):
        n = len(clients.ids)
        self.config, self.clients, self.rng = config, clients, rng
        self.ar = rng.normal(0.0, 1.0, size=n) * clients.within_sd
        self.ruptures = _OpenRuptures(n)
        self.residual = np.zeros((n, 3))
        self.unrepaired_seen = np.zeros(n, dtype=bool)
        self.log = RuptureLog()
        spill = config.rupture_spillover
        self.hit_weight = 3.0 / (1.0 + 2.0 * spill)
        self.spill_weight = spill * self.hit_weight

    def step(self, session: int, attending: np.ndarray) -> tuple[np.ndarray, SessionDrop]:
        """The latent goal/task/bond values (n, 3) of this session, and the rupture drop in them."""
        if session > 1:
            phi = self.config.ar_phi
            shock = self.rng.normal(0.0, 1.0, size=len(self.ar)) * self.clients.within_sd
            self.ar = phi * self.ar + np.sqrt(1.0 - phi**2) * shock
        self._start_ruptures(session, attending)
        drop = self._drop(session)
        level = self.clients.trait + self.config.alliance_growth * np.log(session) + self.ar
        noise = self.rng.normal(0.0, self.config.dimension_noise_sd, size=(len(level), 3))
        latent = level[:, None] + self.clients.dimension_offset + noise - drop.dimensions
        self._close_ruptures(session)
        return latent, drop

    def _start_ruptures(self, session: int, attending: np.ndarray) -> None:
        cfg, n = self.config, len(attending)
        draws = self.rng.random((4, n))
        eligible = attending & ~self.ruptures.open & (session >= cfg.rupture_earliest_session)
        start = eligible & (draws[0] < self.clients.rupture_hazard)
        depth_sd = self.rng.uniform(cfg.rupture_depth_sd_low, cfg.rupture_depth_sd_high, size=n)
        dimension = self.rng.integers(0, 3, size=n)
        lag = self.rng.integers(1, cfg.repair_lag_max + 1, size=n)
        two_step = draws[1] < cfg.rupture_two_step_share
        will_repair = draws[2] < self.clients.repair_prob
        noticed = draws[3] < cfg.therapist_notice_prob
        if not start.any():
            return
        who = np.flatnonzero(start)
        lowest = session + two_step[who].astype(int)
        depth = depth_sd[who] * self.clients.within_sd[who]
        self.ruptures.open_at(who, session, lowest, depth, dimension[who], will_repair[who],
                              lowest + lag[who], lowest + cfg.repair_lag_max, noticed[who])
        self.log.add(client=who, onset_session=np.full(len(who), session), lowest_session=lowest,
                     depth=depth, depth_sd=depth_sd[who], dimension=dimension[who],
                     will_repair=will_repair[who], planned_repair_session=lowest + lag[who],
                     therapist_noticed=noticed[who])

    def _drop(self, session: int) -> SessionDrop:
        open_, r = self.ruptures.open, self.ruptures
        share = np.zeros(len(open_))
        share[open_ & (session < r.lowest)] = 0.5
        share[open_ & (session >= r.lowest)] = 1.0
        mending = open_ & r.will_repair & (session > r.lowest)
        left, span = r.repair_at - session, r.repair_at - r.lowest
        share[mending] = left[mending] / span[mending]
        dims = (share * r.depth)[:, None] * self._weights() + self.residual
        in_rupture = open_ & (share > 0)
        return SessionDrop(dims, in_rupture, in_rupture & r.noticed)

    def _weights(self) -> np.ndarray:
        """(n, 3) how much of a rupture's depth each dimension loses: the hit one most."""
        dimension = self.ruptures.dimension
        weights = np.full((len(dimension), 3), self.spill_weight)
        weights[np.arange(len(dimension)), dimension] = self.hit_weight
        return weights

    def _close_ruptures(self, session: int) -> None:
        r = self.ruptures
        repaired = r.open & r.will_repair & (session >= r.repair_at)
        unrepaired = r.open & ~r.will_repair & (session >= r.window_end)
        if unrepaired.any():
            lasting = (self.config.unrepaired_residual * r.depth)[:, None] * self._weights()
            self.residual[unrepaired] += lasting[unrepaired]
            self.unrepaired_seen |= unrepaired
        r.open &= ~(repaired | unrepaired)


class _OpenRuptures:
    """The rupture each client is in now, if any (ruptures never overlap within a client)."""

    def __init__(self, n: int):
        self.open = np.zeros(n, dtype=bool)
        self.will_repair = np.zeros(n, dtype=bool)
        self.noticed = np.zeros(n, dtype=bool)
        self.dimension = np.zeros(n, dtype=int)
        self.depth = np.zeros(n)
        self.onset, self.lowest, self.repair_at, self.window_end = (
            np.zeros(n, dtype=int) for _ in range(4))

    def open_at(self, who: np.ndarray, session: int, lowest: np.ndarray, depth: np.ndarray,
                dimension: np.ndarray, will_repair: np.ndarray, repair_at: np.ndarray,
                window_end: np.ndarray, noticed: np.ndarray) -> None:
        self.open[who] = True
        self.onset[who] = session
        self.lowest[who], self.depth[who], self.dimension[who] = lowest, depth, dimension
        self.will_repair[who], self.repair_at[who] = will_repair, repair_at
        self.window_end[who], self.noticed[who] = window_end, noticed
