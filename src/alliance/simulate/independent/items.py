"""One client's sessions: latent scores, the six items, the report, the therapist and the slips."""

from __future__ import annotations

import numpy as np

from .ruptures import DIMENSIONS, plant

MISSING_SHARE, MISCLICK_SHARE = 0.10, 0.03
ITEMS = {"goal": ("1", "2"), "task": ("3", "4"), "bond": ("5", "6")}
T_DF = 4  # Student t noise: heavy tails; scaled to unit variance below


def item_noise_sd(noise_sd):
    return 0.35 + 0.3 * noise_sd


def total_sd(noise_sd):
    """The true SD of a client's check-in total around its course: session noise, plus the item
    noise and the rounding to whole points averaged over six items."""
    return np.sqrt(noise_sd**2 + (item_noise_sd(noise_sd) ** 2 + 1 / 12) / 6)


def heavy_noise(rng: np.random.Generator, size) -> np.ndarray:
    return rng.standard_t(T_DF, size) / np.sqrt(T_DF / (T_DF - 2))


def client_answers(client, rng: np.random.Generator) -> tuple[list, list, list, np.ndarray]:
    """The client's answer rows, planted ruptures and misclicks, and the rupture-free course of
    the total per session (the truth a repair is judged against, never given to a detector)."""
    n, sd = int(client.n_sessions), float(client.noise_sd)
    drop, planted = plant(n, sd, rng)
    sessions = np.arange(1, n + 1)
    trend = client.level + client.slope * (sessions - 1)
    noise = sd * heavy_noise(rng, n)
    course = trend[:, None] + np.asarray(client.dimension_offsets)[None, :]
    latent = course + noise[:, None] - drop
    kept = _attended(n, planted, rng)
    slips = _misclicks(n, planted, kept, rng)
    rows = []
    for row in np.flatnonzero(kept):
        session = int(sessions[row])
        items = _items(latent[row], sd, rng, slips.get(session))
        strain = float(drop[row].mean() / sd) if sd > 0 else 0.0
        rows += _client_rows(client, session, items, _report(client, strain, noise[row] / sd, rng))
        rows += _therapist_rows(client, session, latent[row], drop[row], sd, rng)
    slipped = [{"session": s, "item": i} for s, i in slips.items()]
    return rows, planted, slipped, np.clip(course, 0, 10).mean(axis=1)


def _attended(n: int, planted: list, rng: np.random.Generator) -> np.ndarray:
    """A tenth of the sessions missing, never the first or a rupture's onset, lowest or return."""
    kept = rng.random(n) >= MISSING_SHARE
    kept[0] = True
    for rupture in planted:
        for key in ("onset_session", "lowest_session", "repair_session"):
            if rupture[key] is not None:
                kept[rupture[key] - 1] = True
    return kept


def _misclicks(n: int, planted: list, kept: np.ndarray, rng: np.random.Generator) -> dict:
    """Ordinary attended sessions (from the fifth on) in which one item is answered 0 by mistake."""
    busy = np.zeros(n, dtype=bool)
    for rupture in planted:
        busy[rupture["onset_session"] - 2 : rupture["end_session"] + 1] = True
    chosen = (rng.random(n) < MISCLICK_SHARE) & kept & ~busy
    chosen[:4] = False
    return {int(row + 1): str(rng.integers(1, 7)) for row in np.flatnonzero(chosen)}


def _items(latent: np.ndarray, sd: float, rng, slip: str | None) -> dict[str, float]:
    values = {}
    for index, dimension in enumerate(DIMENSIONS):
        for item in ITEMS[dimension]:
            raw = latent[index] + rng.normal(0.0, item_noise_sd(sd))
            values[item] = float(np.clip(np.round(raw), 0, 10))
    if slip is not None:
        values[slip] = 0.0
    return values


def _report(client, strain_sd: float, noise_sd: float, rng) -> int:
    """The client's 0/1/2 answer to 'did something feel off': often during a rupture, now and
    then after an ordinary bad session, never for a non-reporter."""
    if not client.reporter:
        return 0
    if strain_sd >= 1.0:
        chance, clear = 0.65, 0.5
    else:
        chance, clear = 0.04 + 0.12 * (noise_sd < -1.5), 0.2
    if rng.random() >= chance:
        return 0
    return 2 if rng.random() < clear else 1


def _client_rows(client, session: int, items: dict, report: int) -> list[dict]:
    base = {"client_id": client.client_id, "session": session, "instrument": "alliance-checkin"}
    rows = [
        {**base, "item": item, "value": value, "respondent": "client"}
        for item, value in items.items()
    ]
    return rows + [{**base, "item": "8", "value": float(report), "respondent": "client"}]


def _therapist_rows(client, session, latent, drop, sd, rng) -> list[dict]:
    """The therapist's mirror form: a little higher, sees ordinary swings, sees a rupture 40 % of
    the time (then most of it) and otherwise a little of it."""
    seen = 0.8 if rng.random() < 0.4 else 0.15
    level = latent + drop * (1 - seen) + 0.3 + rng.normal(0.0, 0.3 * sd + 0.2)
    base = {"client_id": client.client_id, "session": session, "instrument": "alliance-checkin-t"}
    return [
        {
            **base,
            "item": item,
            "value": float(np.clip(np.round(level[i] + rng.normal(0, 0.4)), 0, 10)),
            "respondent": "therapist",
        }
        for i, dimension in enumerate(DIMENSIONS)
        for item in ITEMS[dimension]
    ]
