"""The synthetic clinic: one call draws therapists, clients and every session, keeping the truth."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .config import ClinicConfig, config_with
from .course import Course, run_course
from .frames import (
    answers_frame,
    clients_frame,
    ruptures_frame,
    session_dates,
    sessions_frame,
    therapists_frame,
)
from .people import draw_clients, draw_therapists

TABLES = ("answers", "sessions", "clients", "therapists", "ruptures")


@dataclass
class SimulatedClinic:
    """The tables of a synthetic clinic, and the parameters that generated them (`truth`)."""

    therapists: pd.DataFrame
    clients: pd.DataFrame
    sessions: pd.DataFrame
    answers: pd.DataFrame
    ruptures: pd.DataFrame
    truth: dict[str, Any]
    config: ClinicConfig = field(repr=False)

    def to_csv(
        self, directory: Path | str, *, progress: Callable[[int], None] | None = None
    ) -> list[Path]:
        """Write one CSV per table and truth.json into `directory` (created if needed).

        `progress`, when given, is called with 1 after each file (six calls).
        """
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name in TABLES:
            written.append(folder / f"{name}.csv")
            getattr(self, name).to_csv(written[-1], index=False)
            if progress is not None:
                progress(1)
        written.append(folder / "truth.json")
        written[-1].write_text(json.dumps(self.truth, indent=2) + "\n", encoding="utf-8")
        if progress is not None:
            progress(1)
        return written

    def summary(self) -> dict[str, Any]:
        """Headline figures: clients, sessions, ruptures, share repaired, dropouts."""
        decided = self.ruptures["repaired"].dropna()
        with_rupture = self.ruptures["client_id"].nunique()
        return {
            "clients": len(self.clients),
            "therapists": len(self.therapists),
            "sessions": len(self.sessions),
            "ruptures": len(self.ruptures),
            "clients_with_rupture": with_rupture / max(len(self.clients), 1),
            "share_repaired": float(decided.astype(bool).mean()) if len(decided) else float("nan"),
            "dropouts": int((self.clients["ended"] == "dropped-out").sum()),
        }


def simulate_clinic(
    n_clients: int = 600,
    seed: int = 0,
    *,
    progress: Callable[[int], None] | None = None,
    **overrides: Any,
) -> SimulatedClinic:
    """Simulate a clinic; any ClinicConfig field may be overridden by keyword.

    `progress`, when given, is called with 1 after each simulated session week (max_sessions calls).
    """
    config = config_with(n_clients=n_clients, seed=seed, **overrides)
    return simulate_from_config(config, progress=progress)


def simulate_from_config(
    config: ClinicConfig, *, progress: Callable[[int], None] | None = None
) -> SimulatedClinic:
    rng = np.random.default_rng(config.seed)
    therapists = draw_therapists(config, rng)
    clients = draw_clients(config, therapists, rng)
    course = run_course(config, clients, rng, progress)
    dates = session_dates(config, clients)
    answers = answers_frame(course, clients, therapists, dates, rng)
    return SimulatedClinic(
        therapists=therapists_frame(therapists, clients),
        clients=clients_frame(config, course, clients, therapists, dates),
        sessions=sessions_frame(answers, course, clients, therapists, dates),
        answers=answers,
        ruptures=ruptures_frame(config, course, clients, therapists),
        truth=_truth(config, course),
        config=config,
    )


def _truth(config: ClinicConfig, course: Course) -> dict[str, Any]:
    truth = config.as_dict()
    truth["rupture_depth_unit_floor"] = course.depth_unit_floor
    spill = config.rupture_spillover
    truth["rupture_hit_weight"] = 3.0 / (1.0 + 2.0 * spill)
    truth["rupture_spill_weight"] = spill * truth["rupture_hit_weight"]
    return truth
