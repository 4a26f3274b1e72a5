"""The latent alliance: a trait, an AR(1) session-to-session deviation, and planted ruptures."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .config import ClinicConfig
from .observed import latent_drop_for, observed_drop, total_sd
from .people import Clients


@dataclass
class SessionDrop:
    """How far ruptures pull each client's alliance down in one session."""

    dimensions: np.ndarray  # (n, 3) latent drop on goal, task, bond
    in_rupture: np.ndarray  # a rupture is under way and still pulling the alliance down
    noticed: np.ndarray  # ... and the therapist has noticed it
    strain: np.ndarray  # the rupture's present depth in observed SD units (0 without one)
    dip: np.ndarray  # the session's ordinary deviation below the client's level, in SDs


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
        self.residual_sd = np.zeros(n)
        self.unrepaired_seen = np.zeros(n, dtype=bool)
        self.log = RuptureLog()
        spill = config.rupture_spillover
        self.hit_weight = 3.0 / (1.0 + 2.0 * spill)
        self.spill_weight = spill * self.hit_weight
        self.spread = np.sqrt(
            clients.within_sd**2 + config.dimension_noise_sd**2 + config.item_noise_sd**2
        )
        self.observed_sd, self.depth_unit_floor = observed_scale(config, clients)
        self.depth_unit = np.fmax(self.observed_sd, self.depth_unit_floor)

    def step(self, session: int, attending: np.ndarray) -> tuple[np.ndarray, SessionDrop]:
        """The latent goal/task/bond values (n, 3) of this session, and the rupture drop in them."""
        if session > 1:
            phi = self.config.ar_phi
            shock = self.rng.normal(0.0, 1.0, size=len(self.ar)) * self.clients.within_sd
            self.ar = phi * self.ar + np.sqrt(1.0 - phi**2) * shock
            self._recover_slowly()
        self._start_ruptures(session, attending)
        drop = self._drop(session)
        level = self._level(session) + self.ar
        noise = self.rng.normal(0.0, self.config.dimension_noise_sd, size=(len(level), 3))
        latent = level[:, None] + self.clients.dimension_offset + noise - drop.dimensions
        self._close_ruptures(session)
        return latent, drop

    def _level(self, session: int) -> np.ndarray:
        return self.clients.trait + self.config.alliance_growth * np.log(session)

    def _recover_slowly(self) -> None:
        """What an unrepaired rupture left behind fades by a fixed share each session."""
        keep = 1.0 - self.config.unrepaired_recovery
        self.residual *= keep
        self.residual_sd *= keep

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
        size = self._size(who, lowest, depth_sd[who], dimension[who])
        self.ruptures.open_at(
            who,
            session,
            lowest,
            size["latent_depth"],
            size["depth_sd"],
            dimension[who],
            will_repair[who],
            lowest + lag[who],
            lowest + cfg.repair_lag_max,
            noticed[who],
        )
        self.log.add(
            client=who,
            onset_session=np.full(len(who), session),
            lowest_session=lowest,
            dimension=dimension[who],
            will_repair=will_repair[who],
            planned_repair_session=lowest + lag[who],
            therapist_noticed=noticed[who],
            **size,
        )

    def _size(
        self, who: np.ndarray, lowest: np.ndarray, depth_sd: np.ndarray, dimension: np.ndarray
    ) -> dict[str, np.ndarray]:
        """The latent fall that lowers the client's expected check-in total by depth_sd units."""
        unit = self.depth_unit[who]
        level = self.clients.trait[who] + self.config.alliance_growth * np.log(lowest)
        mean = level[:, None] + self.clients.dimension_offset[who]
        weights = self._weights(dimension)
        spread = self.spread[who]
        largest = np.maximum(mean.mean(axis=1), 0.0) + 2.0  # no lower than a latent -2
        latent = latent_drop_for(depth_sd * unit, mean, weights, spread, largest)
        shown = observed_drop(latent, mean, weights, spread)
        return {
            "depth": shown,
            "depth_sd": shown / unit,
            "depth_unit": unit,
            "latent_depth": latent,
            "latent_depth_sd": latent / self.clients.within_sd[who],
        }

    def _drop(self, session: int) -> SessionDrop:
        open_, r = self.ruptures.open, self.ruptures
        share = np.zeros(len(open_))
        share[open_ & (session < r.lowest)] = 0.5
        share[open_ & (session >= r.lowest)] = 1.0
        mending = open_ & r.will_repair & (session > r.lowest)
        left, span = r.repair_at - session, r.repair_at - r.lowest
        share[mending] = left[mending] / span[mending]
        dims = (share * r.depth)[:, None] * self._weights(r.dimension) + self.residual
        in_rupture = open_ & (share > 0)
        strain = share * r.depth_sd + self.residual_sd
        dip = -self.ar / self.clients.within_sd
        return SessionDrop(dims, in_rupture, in_rupture & r.noticed, strain, dip)

    def _weights(self, dimension: np.ndarray) -> np.ndarray:
        """(m, 3) how much of a rupture's depth each dimension loses: the hit one most."""
        weights = np.full((len(dimension), 3), self.spill_weight)
        weights[np.arange(len(dimension)), dimension] = self.hit_weight
        return weights

    def _close_ruptures(self, session: int) -> None:
        r = self.ruptures
        repaired = r.open & r.will_repair & (session >= r.repair_at)
        unrepaired = r.open & ~r.will_repair & (session >= r.window_end)
        if unrepaired.any():
            # The drop stays; from the next session it fades slowly (unrepaired_recovery).
            lasting = r.depth[:, None] * self._weights(r.dimension)
            self.residual[unrepaired] += lasting[unrepaired]
            self.residual_sd[unrepaired] += r.depth_sd[unrepaired]
            self.unrepaired_seen |= unrepaired
        r.open &= ~(repaired | unrepaired)


def observed_scale(config: ClinicConfig, clients: Clients) -> tuple[np.ndarray, float]:
    """Each client's SD of the observed total without ruptures, and the clinic's pooled value.

    Computed at the client's average level over the planned sessions.
    """
    sessions = np.arange(1, config.max_sessions + 1)
    mean_log = (np.cumsum(np.log(sessions)) / sessions)[clients.planned_sessions - 1]
    level = clients.trait + config.alliance_growth * mean_log
    mean = level[:, None] + clients.dimension_offset
    sd = total_sd(mean, clients.within_sd, config.dimension_noise_sd, config.item_noise_sd)
    return sd, float(np.sqrt(np.mean(sd**2))) if len(sd) else 0.0


class _OpenRuptures:
    """The rupture each client is in now, if any (ruptures never overlap within a client)."""

    def __init__(self, n: int):
        self.open = np.zeros(n, dtype=bool)
        self.will_repair = np.zeros(n, dtype=bool)
        self.noticed = np.zeros(n, dtype=bool)
        self.dimension = np.zeros(n, dtype=int)
        self.depth = np.zeros(n)  # latent fall of the total
        self.depth_sd = np.zeros(n)  # expected observed fall, in the client's depth units
        self.onset, self.lowest, self.repair_at, self.window_end = (
            np.zeros(n, dtype=int) for _ in range(4)
        )

    def open_at(
        self,
        who: np.ndarray,
        session: int,
        lowest: np.ndarray,
        depth: np.ndarray,
        depth_sd: np.ndarray,
        dimension: np.ndarray,
        will_repair: np.ndarray,
        repair_at: np.ndarray,
        window_end: np.ndarray,
        noticed: np.ndarray,
    ) -> None:
        self.open[who] = True
        self.onset[who] = session
        self.lowest[who], self.depth[who], self.dimension[who] = lowest, depth, dimension
        self.depth_sd[who] = depth_sd
        self.will_repair[who], self.repair_at[who] = will_repair, repair_at
        self.window_end[who], self.noticed[who] = window_end, noticed
