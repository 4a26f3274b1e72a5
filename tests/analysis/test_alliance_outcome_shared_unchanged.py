"""The alliance-outcome fit with the clients' course worked out once and shared by the scales
gives what the per-scale pandas group-bys it replaced gave (kept here, frozen, as the reference).

The split, the within-client fit and the therapist summaries are closed forms: equal to 1e-9. The
between effect comes from the REML search, whose likelihood is flat to rounding near its optimum
(test_reml_unchanged.py), so it moves by about 1e-8 of its size when the inputs move in the last
bit: it is held to the tolerance set there.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import t as t_dist

from alliance.analysis.alliance_outcome import AllianceOutcomeModel
from alliance.analysis.alliance_outcome.lagged import lagged_pairs, split_within_between
from alliance.analysis.alliance_outcome.mixed import sandwich_cov
from alliance.analysis.alliance_outcome.therapist import client_summaries
from alliance.analysis.alliance_outcome.within import within_client_fit
from benchmarks.bench_trajectories import sessions_table

CLOSED_FORM_RTOL = 1e-9
BETWEEN_RTOL = 1e-6  # the REML search (see the module docstring)

# ---------------------------------------------------------------- the code replaced, frozen


def old_split(pairs, column, *, client, session, method):
    keys = pd.factorize(pairs[client])[0]
    values = pairs[column]
    mean = values.groupby(keys, sort=False).transform("mean").to_numpy()
    within = values.to_numpy() - mean
    if method == "detrended":
        log_s = np.log(pairs[session].to_numpy(dtype=float))
        frame = pd.DataFrame({"c": keys, "x": log_s, "y": within})
        frame["xc"] = frame["x"] - frame.groupby("c", sort=False)["x"].transform("mean")
        frame["xy"] = frame["xc"] * frame["y"]
        frame["xx"] = frame["xc"] ** 2
        sums = frame.groupby("c", sort=False)[["xy", "xx"]].transform("sum")
        slope = (sums["xy"] / sums["xx"].where(sums["xx"] > 1e-12)).fillna(0.0).to_numpy()
        within = within - slope * frame["xc"].to_numpy()
    return mean, within


def old_residual(values, codes, log_s):
    n_groups = int(codes.max()) + 1
    counts = np.bincount(codes, minlength=n_groups).astype(float)
    centred = values - (np.bincount(codes, values, n_groups) / counts)[codes]
    if log_s is None:
        return centred
    log_c = log_s - (np.bincount(codes, log_s, n_groups) / counts)[codes]
    sxx = np.bincount(codes, log_c * log_c, n_groups)
    sxy = np.bincount(codes, log_c * centred, n_groups)
    slope = np.divide(sxy, sxx, out=np.zeros(n_groups), where=sxx > 1e-12)
    return centred - slope[codes] * log_c


def old_within_fit(y, columns, groups, log_s, *, robust, alpha=0.05):
    codes = pd.factorize(groups)[0]
    x = np.column_stack([old_residual(c, codes, log_s) for c in columns.values()])
    y_dev = old_residual(y, codes, log_s)
    bread = np.linalg.pinv(x.T @ x)
    params = bread @ x.T @ y_dev
    resid = y_dev - x @ params
    n_groups, n_rows, k = int(codes.max()) + 1, len(y), x.shape[1]
    if robust:
        scores = np.zeros((n_groups, k))
        np.add.at(scores, codes, x * resid[:, None])
        factor = n_groups / max(n_groups - 1, 1) * (n_rows - 1) / max(n_rows - k, 1)
        cov, dof = bread @ (scores.T @ scores) @ bread * factor, n_groups - 1
    else:
        dof = max(n_rows - k - (2 if log_s is not None else 1) * n_groups, 1)
        cov = bread * float(resid @ resid) / dof
    half = t_dist.ppf(1 - alpha / 2, dof) * np.sqrt(cov[0, 0])
    return float(params[0]), float(params[0] - half), float(params[0] + half)


def old_client_summaries(table, *, outcome, session, therapist, client):
    y = table[outcome].to_numpy(dtype=float)
    x = np.column_stack([np.ones(len(y)), np.log(table[session].to_numpy(dtype=float))])
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    frame = pd.DataFrame(
        {
            "client": table[client].astype(str).to_numpy(),
            "r": y - x @ coef,
            "therapist": table[therapist].astype(str).to_numpy(),
        }
    )
    grouped = frame.groupby("client", sort=False)
    summary = grouped.agg(therapist=("therapist", "first"), n=("r", "size"), mean=("r", "mean"))
    codes = grouped.ngroup().to_numpy()
    deviation = frame["r"].to_numpy() - summary["mean"].to_numpy()[codes]
    summary["ss"] = np.bincount(codes, deviation**2, len(summary))
    return summary.reset_index(drop=True)


# ---------------------------------------------------------------- the comparisons


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return sessions_table(20_000, seed=11)


@pytest.fixture(scope="module")
def pairs(table) -> pd.DataFrame:
    return lagged_pairs(
        table, ["alliance", "goal"], outcome="outcome", client="client_id", session="session"
    )


@pytest.mark.parametrize("method", ["detrended", "centred"])
def test_split_equals_the_group_by_split(pairs, method):
    for column in ("alliance", "goal", "outcome"):
        new = split_within_between(
            pairs, column, client="client_id", session="session", method=method
        )
        old = old_split(pairs, column, client="client_id", session="session", method=method)
        for got, want in zip(new, old, strict=True):
            np.testing.assert_allclose(got, want, rtol=0, atol=CLOSED_FORM_RTOL)


@pytest.mark.parametrize("robust", [True, False])
@pytest.mark.parametrize("detrended", [True, False])
def test_within_fit_equals_the_add_at_fit(pairs, robust, detrended):
    rng = np.random.default_rng(3)
    columns = {"within": pairs["alliance"].to_numpy(), "other": rng.normal(size=len(pairs))}
    log_s = np.log(pairs["session"].to_numpy(dtype=float)) if detrended else None
    y = pairs["outcome_next"].to_numpy(dtype=float)
    groups = pairs["client_id"].to_numpy()
    new = within_client_fit(y, columns, groups, log_s, robust=robust)
    old = old_within_fit(y, columns, groups, log_s, robust=robust)
    np.testing.assert_allclose(new, old, rtol=CLOSED_FORM_RTOL)


def test_client_summaries_equal_the_group_by_summaries(table):
    names = {"outcome": "outcome", "session": "session", "therapist": "therapist_id"}
    new = client_summaries(table, client="client_id", **names)
    old = old_client_summaries(table, client="client_id", **names)
    assert new["therapist"].tolist() == old["therapist"].tolist()
    assert new["n"].tolist() == old["n"].tolist()
    for column in ("mean", "ss"):
        np.testing.assert_allclose(new[column], old[column], rtol=CLOSED_FORM_RTOL, atol=1e-12)


def test_default_fit_keeps_its_within_effects_to_the_frozen_parts(table):
    """The default model's within effects are the frozen within fit on the frozen split."""
    model = AllianceOutcomeModel().fit(table)
    pairs = lagged_pairs(
        table,
        ["alliance", "goal", "task", "bond"],
        outcome="outcome",
        client="client_id",
        session="session",
    )
    split = dict(client="client_id", session="session", method="detrended")
    _, current = old_split(pairs, "outcome", **split)
    log_s = np.log(pairs["session"].to_numpy(dtype=float))
    for scale, effect in model.effects_.items():
        _, within = old_split(pairs, scale, **split)
        want = old_within_fit(
            pairs["outcome_next"].to_numpy(dtype=float),
            {"within": within, "current_outcome": current},
            pairs["client_id"].to_numpy(),
            log_s,
            robust=True,
        )
        got = (effect.within.estimate, effect.within.ci_low, effect.within.ci_high)
        np.testing.assert_allclose(got, want, rtol=CLOSED_FORM_RTOL)
        assert np.isfinite(effect.between.estimate)


def old_sandwich(x, y, codes, params, group_var, residual_var):
    sizes = np.bincount(codes).astype(float)
    shrink = group_var / (residual_var + sizes * group_var)
    sums = np.column_stack([np.bincount(codes, c, len(sizes)) for c in x.T])
    weighted = (x - shrink[codes, None] * sums[codes]) / residual_var
    bread = np.linalg.inv(x.T @ weighted)
    resid_x = weighted * (y - x @ params)[:, None]
    scores = np.column_stack([np.bincount(codes, c, len(sizes)) for c in resid_x.T])
    meat = scores.T @ scores * len(sizes) / max(len(sizes) - 1, 1)
    return bread @ meat @ bread


@pytest.mark.parametrize("group_var", [0.0, 0.3, 4.0])
def test_sandwich_from_group_sums_equals_the_row_by_row_sandwich(group_var):
    rng = np.random.default_rng(7)
    codes = np.sort(rng.integers(0, 400, 5_000))
    x = np.column_stack([np.ones(len(codes)), rng.normal(size=(len(codes), 3))])
    y = x @ [1.0, -0.5, 0.2, 0.0] + rng.normal(size=400)[codes] + rng.normal(size=len(codes))
    params = np.linalg.lstsq(x, y, rcond=None)[0]
    new = sandwich_cov(x, y, codes, params, group_var, 1.3, codes=codes)
    np.testing.assert_allclose(
        new, old_sandwich(x, y, codes, params, group_var, 1.3), rtol=CLOSED_FORM_RTOL, atol=1e-15
    )
