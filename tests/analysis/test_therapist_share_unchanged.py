"""The therapist share computed from per-therapist sums equals the per-client computation it
replaced (a lambda per client for the sums of squares, a bootstrap draw that gathered every
client): the old code is kept here, frozen, and both run on the same seeded clinics."""

import numpy as np
import pandas as pd
import pytest

from alliance.analysis.alliance_outcome.therapist import (
    BOOTSTRAP_DRAWS,
    client_summaries,
    components,
    therapist_share,
)


def clinic(seed: int, *, n_therapists: int, n_clients: int, therapist_sd: float) -> pd.DataFrame:
    """Unbalanced: therapists see different numbers of clients, clients 1 to 20 sessions."""
    rng = np.random.default_rng(seed)
    weights = rng.gamma(1.0, 1.0, n_therapists)
    therapist = rng.choice(n_therapists, n_clients, p=weights / weights.sum())
    sessions = rng.integers(1, 21, n_clients)
    client = np.repeat(np.arange(n_clients), sessions)
    session = np.concatenate([np.arange(1, n + 1) for n in sessions])
    level = rng.normal(0, 3, n_clients)[client]
    level += rng.normal(0, therapist_sd, n_therapists)[therapist][client]
    outcome = 15 - 3 * np.log(session) + level + rng.normal(0, 2.5, len(client))
    return pd.DataFrame(
        {
            "client_id": np.char.add("c", client.astype(str)),
            "therapist_id": np.char.add("t", therapist[client].astype(str)),
            "session": session,
            "outcome": outcome.round(),
        }
    )


# ---------------------------------------------------------------- the code replaced, frozen


def old_client_summaries(table: pd.DataFrame) -> pd.DataFrame:
    y = table["outcome"].to_numpy(dtype=float)
    x = np.column_stack([np.ones(len(y)), np.log(table["session"].to_numpy(dtype=float))])
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    frame = pd.DataFrame(
        {
            "client": table["client_id"].astype(str).to_numpy(),
            "r": y - x @ coef,
            "therapist": table["therapist_id"].astype(str).to_numpy(),
        }
    )
    grouped = frame.groupby("client", sort=False)
    summary = grouped.agg(therapist=("therapist", "first"), n=("r", "size"), mean=("r", "mean"))
    summary["ss"] = grouped["r"].apply(lambda r: float(((r - r.mean()) ** 2).sum()))
    return summary.reset_index(drop=True)


def old_nested_anova(n, mean, ss, codes):
    n_total, n_clients, n_ther = n.sum(), len(n), codes.max() + 1
    residual = ss.sum() / max(n_total - n_clients, 1)
    ther_n = np.bincount(codes, weights=n)
    ther_mean = np.bincount(codes, weights=n * mean) / ther_n
    grand = (n * mean).sum() / n_total
    ms_client = (n * (mean - ther_mean[codes]) ** 2).sum() / max(n_clients - n_ther, 1)
    ms_ther = (ther_n * (ther_mean - grand) ** 2).sum() / max(n_ther - 1, 1)
    k1 = (n_total - (np.bincount(codes, weights=n * n) / ther_n).sum()) / max(n_clients - n_ther, 1)
    k2 = ((np.bincount(codes, weights=n * n) / ther_n).sum() - (n * n).sum() / n_total) / max(
        n_ther - 1, 1
    )
    k3 = (n_total - (ther_n**2).sum() / n_total) / max(n_ther - 1, 1)
    client_var = max((ms_client - residual) / k1, 0.0) if k1 > 0 else 0.0
    therapist_var = max((ms_ther - residual - k2 * client_var) / k3, 0.0) if k3 > 0 else 0.0
    return float(therapist_var), float(client_var), float(residual)


def old_share(therapist_var, client_var, residual_var):
    total = therapist_var + client_var + residual_var
    return therapist_var / total if total > 0 else 0.0


def old_interval(clients: pd.DataFrame, seed: int) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    codes, _ = pd.factorize(clients["therapist"])
    rows_of = [np.flatnonzero(codes == t) for t in range(codes.max() + 1)]
    n, mean, ss = (clients[c].to_numpy(dtype=float) for c in ("n", "mean", "ss"))
    shares = []
    for _ in range(BOOTSTRAP_DRAWS):
        picked = rng.integers(0, len(rows_of), len(rows_of))
        rows = np.concatenate([rows_of[i] for i in picked])
        drawn = np.repeat(np.arange(len(picked)), [len(rows_of[i]) for i in picked])
        shares.append(old_share(*old_nested_anova(n[rows], mean[rows], ss[rows], drawn)))
    low, high = np.percentile(shares, [2.5, 97.5])
    return float(low), float(high)


# ---------------------------------------------------------------- the comparisons

CLINICS = [
    dict(seed=1, n_therapists=12, n_clients=300, therapist_sd=1.5),
    dict(seed=2, n_therapists=40, n_clients=900, therapist_sd=0.4),
    dict(seed=3, n_therapists=3, n_clients=40, therapist_sd=0.8),
]


@pytest.fixture(params=CLINICS, ids=lambda c: f"seed{c['seed']}")
def table(request):
    return clinic(**request.param)


def new_summaries(table: pd.DataFrame) -> pd.DataFrame:
    return client_summaries(
        table, outcome="outcome", session="session", therapist="therapist_id", client="client_id"
    )


def test_the_client_summaries_are_those_of_the_lambda_per_client(table):
    old, new = old_client_summaries(table), new_summaries(table)
    assert new["therapist"].tolist() == old["therapist"].tolist()
    assert new["n"].tolist() == old["n"].tolist()
    np.testing.assert_allclose(new["mean"], old["mean"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(new["ss"], old["ss"], rtol=1e-12, atol=1e-12)


def test_the_variance_components_are_those_of_the_anova_over_clients(table):
    clients = old_client_summaries(table)
    codes, _ = pd.factorize(clients["therapist"])
    old = old_nested_anova(*(clients[c].to_numpy(dtype=float) for c in ("n", "mean", "ss")), codes)
    np.testing.assert_allclose(components(clients), old, rtol=1e-9, atol=1e-12)


def test_the_share_and_its_bootstrap_interval_are_unchanged(table):
    clients = old_client_summaries(table)
    codes, _ = pd.factorize(clients["therapist"])
    n, mean, ss = (clients[c].to_numpy(dtype=float) for c in ("n", "mean", "ss"))
    old_icc = old_share(*old_nested_anova(n, mean, ss, codes))
    found = therapist_share(table, outcome="outcome", session="session", therapist="therapist_id")
    assert found.icc == pytest.approx(old_icc, rel=1e-9, abs=1e-12)
    low, high = old_interval(clients, seed=0)
    assert found.ci_low == pytest.approx(low, rel=1e-9, abs=1e-12)
    assert found.ci_high == pytest.approx(high, rel=1e-9, abs=1e-12)
    assert found.n_therapists == clients["therapist"].nunique()
