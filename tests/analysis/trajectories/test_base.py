import pandas as pd
import pytest

from alliance.analysis.trajectories import (
    ExpectedRecovery,
    NearestNeighbourRecovery,
    NotFittedError,
)


def history(n_clients=40):
    rows = []
    for n in range(n_clients):
        intake = 12 + n % 10
        for session in range(1, 7):
            rows.append(
                {"client_id": f"c{n}", "session": session, "outcome": max(intake - 3 * session, 0)}
            )
    return pd.DataFrame(rows)


def test_parameters_read_and_change_like_scikit_learn():
    model = ExpectedRecovery(coverage=0.9)
    assert model.get_params()["coverage"] == 0.9
    assert repr(model) == "ExpectedRecovery(coverage=0.9)"
    model.set_params(min_clients=10)
    assert model.min_clients == 10 and model.coverage == 0.9
    with pytest.raises(ValueError, match="unknown parameter"):
        model.set_params(colour="red")
    with pytest.raises(ValueError, match="coverage must be between 0 and 1"):
        model.set_params(coverage=2)


def test_using_a_model_before_fit_says_so():
    for model in (ExpectedRecovery(), NearestNeighbourRecovery()):
        with pytest.raises(NotFittedError, match="call fit"):
            model.predict(15, 3)


def test_set_params_drops_what_was_fitted():
    model = ExpectedRecovery(min_clients=5).fit(history())
    model.set_params(coverage=0.7)
    with pytest.raises(NotFittedError):
        model.predict(15, 3)


def test_the_band_stays_inside_the_instruments_range():
    for model in (
        ExpectedRecovery(min_clients=5, scale_range=(0, 27)),
        NearestNeighbourRecovery(k=5, scale_range=(0, 27)),
    ):
        band = model.fit(history()).predict([12, 21], [6, 6])
        assert band["lower"].min() >= 0 and band["upper"].max() <= 27
        assert (band["lower"] == 0).any()
