"""PHQ-9 courses of the independent family: log-linear recovery, heterogeneous clients, and a fifth
who get worse (docs/science.md section 7: 5-10 % of clients deteriorate in routine care; a harder
mix is used here on purpose).

Each client's score follows intake - rate * ln(session) (Finch, Lambert & Schaalje 2001 fit the
course on log session), with the rate drawn per client; deteriorators climb instead. Session noise
is AR(1), scores are whole points within 0-27, and the episode length differs per client. The
alliance column is a plain per-client level with session noise, only there because
`alliance analyze` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DETERIORATOR_SHARE = 0.2
NOISE_SD, NOISE_AR = 2.2, 0.4


@dataclass
class OutcomeClinic:
    """Sessions (client_id, therapist_id, session, alliance, outcome) and each client's truth."""

    sessions: pd.DataFrame
    clients: pd.DataFrame  # client_id, therapist_id, intake, rate, deteriorator


def phq9_clinic(n_clients: int = 600, seed: int = 1, n_therapists: int = 30) -> OutcomeClinic:
    """A clinic of PHQ-9 courses; the same seed gives the same clinic."""
    rng = np.random.default_rng(seed)
    clients = _clients(n_clients, n_therapists, rng)
    rows = [_course(client, rng) for client in clients.itertuples(index=False)]
    return OutcomeClinic(pd.concat(rows, ignore_index=True), clients)


def _clients(n_clients: int, n_therapists: int, rng: np.random.Generator) -> pd.DataFrame:
    worse = rng.random(n_clients) < DETERIORATOR_SHARE
    rate = np.where(
        worse, -rng.uniform(0.5, 3.0, n_clients), rng.lognormal(np.log(4.0), 0.5, n_clients)
    )
    return pd.DataFrame(
        {
            "client_id": [f"P{n:04d}" for n in range(1, n_clients + 1)],
            "therapist_id": [f"U{t:02d}" for t in rng.integers(1, n_therapists + 1, n_clients)],
            "intake": np.clip(np.round(rng.normal(16.0, 4.0, n_clients)), 8, 27),
            "rate": rate,
            "deteriorator": worse,
            "n_sessions": rng.integers(5, 17, n_clients),
            "alliance_level": np.clip(rng.normal(7.0, 1.2, n_clients), 1, 10),
        }
    )


def _course(client, rng: np.random.Generator) -> pd.DataFrame:
    n = int(client.n_sessions)
    sessions = np.arange(1, n + 1)
    noise = np.zeros(n)
    for t in range(1, n):
        noise[t] = NOISE_AR * noise[t - 1] + rng.normal(0.0, NOISE_SD * np.sqrt(1 - NOISE_AR**2))
    course = client.intake - client.rate * np.log(sessions) + noise
    alliance = client.alliance_level + rng.normal(0.0, 0.5, n)
    return pd.DataFrame(
        {
            "client_id": client.client_id,
            "therapist_id": client.therapist_id,
            "session": sessions,
            "alliance": np.round(np.clip(alliance, 0, 10), 2),
            "outcome": np.clip(np.round(course), 0, 27),
        }
    )
