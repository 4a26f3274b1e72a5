"""Who the clients are: a type, a level, a noise scale, and whether they ever report strain."""

from __future__ import annotations

import numpy as np
import pandas as pd

TYPES = ("typical", "high-noise", "ceiling", "decliner")
TYPE_SHARES = (0.55, 0.15, 0.15, 0.15)
NON_REPORTER_SHARE = 0.25  # clients who never say that something felt off


def draw_clients(n_clients: int, rng: np.random.Generator) -> pd.DataFrame:
    """One row per client: type, level (0-10), slope per session, noise SD, reporter, sessions."""
    kind = rng.choice(TYPES, size=n_clients, p=TYPE_SHARES)
    level = np.clip(rng.normal(7.2, 1.0, n_clients), 3.5, 9.2)
    level = np.where(kind == "ceiling", rng.uniform(10.0, 10.6, n_clients), level)
    noise = rng.lognormal(np.log(0.45), 0.35, n_clients)
    noise = np.where(kind == "high-noise", noise * 2.5, noise)
    noise = np.where(kind == "ceiling", noise * 0.7, noise)
    slope = np.where(kind == "decliner", -rng.uniform(0.08, 0.2, n_clients), 0.0)
    return pd.DataFrame(
        {
            "client_id": [f"X{n:04d}" for n in range(1, n_clients + 1)],
            "client_type": kind,
            "level": level,
            "slope": slope,
            "noise_sd": noise,
            "reporter": rng.random(n_clients) >= NON_REPORTER_SHARE,
            "n_sessions": rng.integers(8, 21, n_clients),
            "dimension_offsets": list(rng.normal(0.0, 0.4, (n_clients, 3))),
        }
    )
