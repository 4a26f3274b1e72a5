import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from alliance.analysis.trajectories import ExpectedRecovery
from alliance.analysis.trajectories.curves import fit_variance_curve
from alliance.interop.tables import TableError


def planted(n_clients=800, seed=0, slope=3.0, noise=2.0):
    """Outcome = intake - slope * ln(session) + noise; intake uniform 8-26."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_clients):
        intake = rng.uniform(8, 26)
        for t in range(1, int(rng.integers(3, 16)) + 1):
            y = intake if t == 1 else intake - slope * np.log(t) + rng.normal(0, noise)
            rows.append((f"c{c}", t, y))
    return pd.DataFrame(rows, columns=["client_id", "session", "outcome"])


def test_it_recovers_a_planted_curve_and_its_spread():
    model = ExpectedRecovery().fit(planted())
    band = model.predict([12.0, 18.0, 24.0], [6, 6, 6])
    assert np.allclose(
        band["expected"], [12 - 3 * np.log(6), 18 - 3 * np.log(6), 24 - 3 * np.log(6)], atol=0.4
    )
    assert np.allclose(band["spread"], 2.0, atol=0.35)
    assert (band["source"] == "clinic").all() and model.notes_ == []


def test_the_band_holds_about_the_chosen_share_of_new_clients():
    model = ExpectedRecovery(coverage=0.80).fit(planted(seed=1))
    placed = model.place_all(planted(seed=2), at=5)
    inside = (placed["status"] == "on-track").mean()
    assert 0.74 < inside < 0.86


def test_higher_is_worse_so_a_score_above_the_band_is_not_on_track():
    model = ExpectedRecovery().fit(planted())
    worse = pd.DataFrame({"client_id": "x", "session": [1, 2, 3, 4], "outcome": [18, 18, 19, 20]})
    better = worse.assign(outcome=[18, 10, 6, 2])
    assert model.place(worse).status == "not-on-track"
    assert model.place(better).status == "better-than-expected"
    assert "not-on-track" in model.place(worse).reading()


def test_a_small_history_uses_the_default_curve_and_says_so():
    model = ExpectedRecovery(min_clients=50).fit(planted(n_clients=20))
    placement = model.place(pd.Series([16, 14, 13], index=[1, 2, 3], name="c9"))
    assert model.predict(16, 3)["source"].iloc[0] == "default"
    assert "default curve" in placement.note and len(model.notes_) == 4


def test_place_all_gives_one_row_per_client_at_their_latest_session():
    table = planted(n_clients=50)
    placed = ExpectedRecovery().fit(table).place_all(table)
    assert len(placed) == 50
    assert (
        placed.set_index("client_id")["session"] == table.groupby("client_id")["session"].max()
    ).all()


def test_course_deviation_averages_the_sessions_since_intake():
    model = ExpectedRecovery().fit(planted())
    steady = pd.DataFrame({"client_id": "s", "session": [1, 2, 3, 4], "outcome": [20, 22, 22, 22]})
    placed = model.place_all(steady)
    assert placed["course_deviation"].iloc[0] > 0.5


def test_it_names_the_column_and_row_of_a_bad_value():
    table = planted(n_clients=5).astype({"outcome": object})
    table.loc[3, "outcome"] = "lots"
    with pytest.raises(TableError, match=r"row 5: column outcome has 'lots'"):
        ExpectedRecovery().fit(table)


def test_it_refuses_a_session_counted_from_zero():
    table = pd.DataFrame({"client_id": ["a", "a"], "session": [0, 1], "outcome": [10, 9]})
    with pytest.raises(TableError, match="column session has 0"):
        ExpectedRecovery().fit(table)


def test_it_refuses_a_session_given_twice():
    table = pd.DataFrame({"client_id": ["a", "a"], "session": [1, 1], "outcome": [10, 9]})
    with pytest.raises(TableError, match="client a has session 1 twice"):
        ExpectedRecovery().fit(table)


def random_slopes(n_clients=300, seed=5):
    """Random intercept and slope on ln(session), as in the mixed model of Finch et al."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_clients):
        level, slope = 16 + rng.normal(0, 2), -3 + rng.normal(0, 1)
        for t in range(1, 11):
            rows.append((f"c{c}", t, level + slope * np.log(t) + rng.normal(0, 1.5)))
    return pd.DataFrame(rows, columns=["client_id", "session", "outcome"])


def test_the_moment_estimates_agree_with_a_full_mixed_model_fit():
    """Reference: statsmodels MixedLM with a random intercept and slope on ln(session), REML."""
    table = random_slopes()
    table["log_session"] = np.log(table["session"])
    mixed = smf.mixedlm(
        "outcome ~ log_session", table, groups="client_id", re_formula="~log_session"
    ).fit(reml=True)
    intercept, slope = mixed.fe_params.iloc[0], mixed.fe_params.iloc[1]
    cov, logs = np.asarray(mixed.cov_re), np.log([3.0, 6.0, 10.0])
    marginal = np.sqrt(cov[0, 0] + 2 * cov[0, 1] * logs + cov[1, 1] * logs**2 + mixed.scale)
    residual = table["outcome"] - (intercept + slope * table["log_session"])
    moments = fit_variance_curve(residual.to_numpy(), table["session"].to_numpy())
    assert np.sqrt(moments.at(logs)) == pytest.approx(marginal, rel=0.1)
    ours = ExpectedRecovery(strata=()).fit(table).curves_[0]
    assert ours.coef[1] == pytest.approx(slope, abs=0.2)  # slope at the average intake


def test_the_projection_carries_a_persistent_deviation_to_the_end():
    model = ExpectedRecovery().fit(random_slopes(n_clients=600))
    shares = model.persistence_.by_session
    assert shares.between(0, 1).all() and shares.iloc[-1] > shares.iloc[0]
    steady = pd.DataFrame({"client_id": "s", "session": [1, 2, 3, 4], "outcome": [16, 16, 17, 17]})
    falling = steady.assign(outcome=[16, 13, 11, 10])
    heading = pd.concat([steady, falling.assign(client_id="f")])
    placed = model.place_all(heading).set_index("client_id")
    assert placed.loc["s", "projected_change"] > placed.loc["f", "projected_change"]
    on_course_end = model.predict(16, model.persistence_.end_session)["expected"].iloc[0]
    assert placed.loc["s", "projected_end"] > on_course_end > placed.loc["f", "projected_end"]
