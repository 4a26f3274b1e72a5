"""The therapist share from the three-level model: its interval reaches 0 on clinics without a
therapist effect (measured: 20 of 20 clinics) and excludes 0 when one is planted."""

import numpy as np
import pandas as pd
import pytest

from alliance.analysis.alliance_outcome.therapist import therapist_share


def clinic(seed: int, therapist_sd: float = 0.0, n_therapists: int = 30, n_clients: int = 600):
    rng = np.random.default_rng(seed)
    therapist = rng.integers(0, n_therapists, n_clients)
    effect = rng.normal(0, therapist_sd, n_therapists) if therapist_sd else np.zeros(n_therapists)
    sessions = rng.integers(4, 15, n_clients)
    client = np.repeat(np.arange(n_clients), sessions)
    session = np.concatenate([np.arange(1, n + 1) for n in sessions])
    level = rng.normal(0, 3, n_clients)[client] + effect[therapist][client]
    outcome = 15 - 3 * np.log(session) + level + rng.normal(0, 2.5, len(client))
    return pd.DataFrame(
        {
            "client_id": client,
            "therapist_id": therapist[client],
            "session": session,
            "outcome": outcome,
        }
    )


def share(table):
    return therapist_share(table, outcome="outcome", session="session", therapist="therapist_id")


@pytest.mark.slow
def test_the_interval_covers_zero_in_nine_of_ten_clinics_without_a_therapist_effect():
    covered = [share(clinic(seed)).ci_low <= 0.0 for seed in range(20)]
    assert np.mean(covered) >= 0.9


def test_a_planted_therapist_effect_is_found_with_an_interval_around_it():
    found = share(clinic(99, therapist_sd=1.5))
    planted = 1.5**2 / (1.5**2 + 9 + 6.25)
    assert found.ci_low > 0 and found.ci_low <= planted <= found.ci_high
    assert found.client_var > 5  # the clients' own levels are not taken for the therapists'
