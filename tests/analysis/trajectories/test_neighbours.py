import numpy as np
import pandas as pd
import pytest

from alliance.analysis.trajectories import NearestNeighbourRecovery


def two_kinds(n_clients=400, seed=0):
    """Mild intakes recover fast, severe intakes slowly: neighbours must tell them apart."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_clients):
        intake = rng.uniform(8, 12) if c % 2 else rng.uniform(22, 26)
        slope = 4.0 if c % 2 else 1.0
        for t in range(1, 9):
            rows.append((f"c{c}", t, intake - slope * np.log(t) + rng.normal(0, 1), c % 3))
    return pd.DataFrame(rows, columns=["client_id", "session", "outcome", "group"])


def test_neighbours_follow_the_course_of_similar_clients():
    model = NearestNeighbourRecovery(k=30).fit(two_kinds())
    band = model.predict([10.0, 24.0], [8, 8])
    assert band["expected"].iloc[0] == pytest.approx(10 - 4 * np.log(8), abs=0.7)
    assert band["expected"].iloc[1] == pytest.approx(24 - 1 * np.log(8), abs=0.7)
    assert (band["upper"] > band["expected"]).all() and (band["lower"] < band["expected"]).all()


def test_a_client_is_not_their_own_neighbour():
    table = two_kinds()
    model = NearestNeighbourRecovery(k=5).fit(table)
    own = table[table["client_id"] == "c1"]
    with_self = model.predict(own["outcome"].iloc[0], 8)["expected"].iloc[0]
    without = model.predict(own["outcome"].iloc[0], 8, exclude=np.array(["c1"]))
    assert without["expected"].iloc[0] != with_self


def test_place_and_covariates():
    table = two_kinds()
    model = NearestNeighbourRecovery(k=20, covariates=("group",)).fit(table)
    bad = pd.DataFrame(
        {"client_id": "n", "session": [1, 2, 3], "outcome": [10, 12, 14], "group": 1}
    )
    assert model.place(bad).status == "not-on-track"
    assert len(model.place_all(table)) == 400


def test_it_needs_enough_history():
    with pytest.raises(ValueError, match="need at least k=50"):
        NearestNeighbourRecovery(k=50).fit(two_kinds(n_clients=20))


def test_a_history_of_exactly_k_clients_is_enough():
    table = two_kinds(n_clients=10)
    band = NearestNeighbourRecovery(k=10).fit(table).predict(10.0, 4)
    assert np.isfinite(band["expected"].iloc[0])


def test_both_estimators_place_clients_with_the_same_columns():
    from alliance.analysis.trajectories import ExpectedRecovery

    table = two_kinds()
    by_neighbours = NearestNeighbourRecovery(k=20, covariates=("group",)).fit(table)
    by_strata = ExpectedRecovery(strata=(15.0,)).fit(table)
    neighbours_placed = by_neighbours.place_all(table, at=5)
    strata_placed = by_strata.place_all(table, at=5)
    shared = [c for c in strata_placed.columns if c != "stratum"]
    assert set(shared) <= set(neighbours_placed.columns)
    assert {"status", "band_status", "projected_change"} <= set(shared)
    assert neighbours_placed["projected_change"].notna().all()
    assert set(neighbours_placed["status"]) <= {"on-track", "not-on-track", "better-than-expected"}


def test_an_unfitted_estimator_says_so():
    from alliance.analysis.trajectories.base import NotFittedError

    with pytest.raises(NotFittedError, match="not fitted yet"):
        NearestNeighbourRecovery().place_all(two_kinds(n_clients=10))
