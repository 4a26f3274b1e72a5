"""One shared clinic for the cheap checks; heavier tests build their own."""

from __future__ import annotations

import pytest

from alliance.simulate import SimulatedClinic, simulate_clinic


@pytest.fixture(scope="session")
def clinic() -> SimulatedClinic:
    return simulate_clinic(n_clients=400, seed=3)
