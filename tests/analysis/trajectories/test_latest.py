"""The placement from an intake and a latest score alone gives what place_all gives."""

import numpy as np
import pandas as pd
import pytest

from alliance.analysis.trajectories import ExpectedRecovery

COLUMNS = ["expected", "lower", "upper", "deviation", "projected_end", "projected_change"]


def history(n_clients: int, seed: int) -> pd.DataFrame:
    """PHQ-9-like courses: intake 5-27, falling on log(session) with noise, 3 to 15 sessions."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_clients):
        intake = rng.uniform(5, 27)
        for t in range(1, int(rng.integers(3, 16)) + 1):
            y = intake if t == 1 else intake - rng.uniform(0, 4) * np.log(t) + rng.normal(0, 3)
            rows.append((f"c{c}", t, float(np.clip(np.round(y), 0, 27))))
    return pd.DataFrame(rows, columns=["client_id", "session", "outcome"])


def new_clients(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    intake = rng.integers(0, 28, n).astype(float)
    session = rng.integers(2, 30, n).astype(float)
    latest = rng.integers(0, 28, n).astype(float)
    return intake, session, latest


def both_ways(model: ExpectedRecovery, seed: int):
    intake, session, latest = new_clients(300, seed)
    ids = [f"n{i:03d}" for i in range(len(intake))]
    pairs = pd.DataFrame(
        {
            "client_id": ids * 2,
            "session": [1] * len(ids) + session.astype(int).tolist(),
            "outcome": intake.tolist() + latest.tolist(),
        }
    )
    table = model.place_all(pairs).set_index("client_id").loc[ids]
    return table, model.place_latest(intake, session, latest)


@pytest.mark.parametrize(
    "model",
    [
        ExpectedRecovery(scale_range=(0.0, 27.0)),
        ExpectedRecovery(),
        ExpectedRecovery(scale_range=(0.0, 27.0), min_clients=400),  # some strata on the default
    ],
    ids=["clinic-curve", "no-scale-range", "part-default-curve"],
)
def test_it_matches_place_all_on_a_fitted_history(model):
    table, fast = both_ways(model.fit(history(600, seed=11)), seed=12)
    for column in COLUMNS:
        assert np.allclose(getattr(fast, column), table[column], rtol=0, atol=1e-9), column
    for column in ["status", "band_status", "source"]:
        assert list(getattr(fast, column)) == table[column].tolist(), column
    assert set(table["status"]) == {"on-track", "not-on-track", "better-than-expected"}


def test_it_matches_place_all_when_the_history_is_too_small_for_thresholds():
    model = ExpectedRecovery(scale_range=(0.0, 27.0)).fit(history(12, seed=5))
    assert model.operating_point_.thresholds.empty  # the band alone makes the call
    table, fast = both_ways(model, seed=6)
    assert np.allclose(fast.projected_change, table["projected_change"], rtol=0, atol=1e-9)
    assert list(fast.status) == table["status"].tolist() == list(fast.band_status)
    assert set(fast.source) == {"default"}


def test_an_intake_alone_cannot_be_placed_this_way():
    model = ExpectedRecovery().fit(history(60, seed=3))
    with pytest.raises(ValueError, match="after the intake"):
        model.place_latest([12.0], [1], [10.0])
