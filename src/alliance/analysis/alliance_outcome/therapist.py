"""How much of the outcome differs between therapists, from a three-level model.

Sessions sit within clients and clients within therapists. A two-level model (sessions within
therapists) counts the differences between clients as differences between therapists, so it finds
a therapist share where there is none. Here the outcome, after the usual course over log(session),
is split by the method of moments for nested random effects (unbalanced ANOVA): the session-to-
session variance within clients, the variance between clients of one therapist, and the variance
between therapists. The interval resamples therapists with their clients (percentile bootstrap);
the share is never below 0, so on a clinic without a therapist effect the interval reaches 0.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

BOOTSTRAP_DRAWS = 300


@dataclass(frozen=True)
class TherapistShare:
    """Share of the outcome variance (after the course over sessions) between therapists."""

    icc: float
    therapist_var: float
    residual_var: float
    n_therapists: int
    n_sessions: int
    client_var: float = float("nan")
    ci_low: float = float("nan")
    ci_high: float = float("nan")

    def reading(self) -> str:
        return (
            f"{100 * self.icc:.1f}% of the variation in outcome scores (after the usual course "
            f"over sessions) lies between the {self.n_therapists} therapists (95% interval "
            f"{100 * self.ci_low:.1f}% to {100 * self.ci_high:.1f}%, clients within therapists "
            "taken apart)."
        )


def therapist_share(
    table: pd.DataFrame,
    *,
    outcome: str,
    session: str,
    therapist: str,
    client: str = "client_id",
    seed: int = 0,
) -> TherapistShare | None:
    """The three-level share with its interval; None with fewer than 2 therapists."""
    if therapist not in table or client not in table or table[therapist].nunique() < 2:
        return None
    clients = client_summaries(
        table, outcome=outcome, session=session, therapist=therapist, client=client
    )
    therapist_var, client_var, residual_var = components(clients)
    low, high = _interval(clients, seed)
    return TherapistShare(
        float(_share(therapist_var, client_var, residual_var)),
        therapist_var,
        residual_var,
        int(clients["therapist"].nunique()),
        len(table),
        client_var,
        low,
        high,
    )


def client_summaries(
    table: pd.DataFrame, *, outcome: str, session: str, therapist: str, client: str
) -> pd.DataFrame:
    """Per client: therapist, sessions, mean residual and within-client sum of squares."""
    y = table[outcome].to_numpy(dtype=float)
    x = np.column_stack([np.ones(len(y)), np.log(table[session].to_numpy(dtype=float))])
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    residual = y - x @ coef
    codes, first = _client_codes(table[client])
    n_clients = len(first)
    n = np.bincount(codes, minlength=n_clients)
    mean = np.bincount(codes, residual, n_clients) / n
    deviation = residual - mean[codes]
    return pd.DataFrame(
        {
            "therapist": table[therapist].iloc[first].astype(str).to_numpy(),
            "n": n,
            "mean": mean,
            "ss": np.bincount(codes, deviation**2, n_clients),
        }
    )


def _client_codes(clients: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Clients as 0..C-1 in order of first appearance (the ids read as text), and each one's
    first row."""
    codes = pd.factorize(clients.astype(str))[0]
    _, first = np.unique(codes, return_index=True)
    return codes, first


def components(clients: pd.DataFrame) -> tuple[float, float, float]:
    """Therapist, client and residual variance by nested ANOVA on the client summaries."""
    codes, _ = pd.factorize(clients["therapist"])
    n, mean, ss = (clients[c].to_numpy(dtype=float) for c in ("n", "mean", "ss"))
    return nested_anova(n, mean, ss, codes)


@dataclass(frozen=True)
class TherapistSums:
    """What the nested ANOVA needs of each therapist's clients, one entry per therapist.

    A bootstrap draw of therapists is then a draw of these entries: O(therapists), not O(clients).
    """

    n: np.ndarray  # sessions
    clients: np.ndarray
    mean: np.ndarray  # the therapist's mean residual over sessions
    between_ss: np.ndarray  # sum over clients of n * (client mean - therapist mean) ** 2
    n_squared: np.ndarray  # sum over clients of n ** 2
    ss: np.ndarray  # within-client sums of squares, added up

    @classmethod
    def of(
        cls, n: np.ndarray, mean: np.ndarray, ss: np.ndarray, codes: np.ndarray
    ) -> TherapistSums:
        ther_n = np.bincount(codes, weights=n)
        ther_mean = np.bincount(codes, weights=n * mean) / ther_n
        return cls(
            ther_n,
            np.bincount(codes).astype(float),
            ther_mean,
            np.bincount(codes, weights=n * (mean - ther_mean[codes]) ** 2),
            np.bincount(codes, weights=n * n),
            np.bincount(codes, weights=ss),
        )

    def take(self, picked: np.ndarray) -> TherapistSums:
        """The therapists at `picked` (with repeats), each a therapist of its own."""
        return TherapistSums(*(getattr(self, f.name)[picked] for f in fields(self)))


def nested_anova(
    n: np.ndarray, mean: np.ndarray, ss: np.ndarray, codes: np.ndarray
) -> tuple[float, float, float]:
    """Therapist, client and residual variance of clients (sessions n, mean residual, within
    sum of squares) nested in therapists (codes 0..T-1)."""
    return anova_of(TherapistSums.of(n, mean, ss, codes))


def anova_of(t: TherapistSums) -> tuple[float, float, float]:
    therapist, client, residual = anova_arrays(t)
    return float(therapist), float(client), float(residual)


def anova_arrays(t: TherapistSums) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """anova_of for one set of therapists (1-d fields) or many at once (one set per row)."""
    n_total, n_clients, n_ther = t.n.sum(-1), t.clients.sum(-1), t.n.shape[-1]
    residual = t.ss.sum(-1) / np.maximum(n_total - n_clients, 1)
    grand = (t.n * t.mean).sum(-1) / n_total
    ms_client = t.between_ss.sum(-1) / np.maximum(n_clients - n_ther, 1)
    ms_ther = (t.n * (t.mean - grand[..., None]) ** 2).sum(-1) / max(n_ther - 1, 1)
    # expected mean squares of the unbalanced nested design (coefficients from the cell sizes)
    k1 = (n_total - (t.n_squared / t.n).sum(-1)) / np.maximum(n_clients - n_ther, 1)
    k2 = ((t.n_squared / t.n).sum(-1) - t.n_squared.sum(-1) / n_total) / max(n_ther - 1, 1)
    k3 = (n_total - (t.n**2).sum(-1) / n_total) / max(n_ther - 1, 1)
    # k1 or k3 is 0 when every therapist has one client, or there is one therapist: that level
    # cannot be told apart from the one below it, and its variance is taken as 0.
    client_var = np.maximum(_ratio(ms_client - residual, k1), 0.0)
    therapist_var = np.maximum(_ratio(ms_ther - residual - k2 * client_var, k3), 0.0)
    return therapist_var, client_var, residual


def _ratio(top: np.ndarray, bottom: np.ndarray) -> np.ndarray:
    """top / bottom where bottom > 0, else 0."""
    top, bottom = np.asarray(top, dtype=float), np.asarray(bottom, dtype=float)
    return np.divide(top, bottom, out=np.zeros(np.broadcast(top, bottom).shape), where=bottom > 0)


def _share(therapist_var, client_var, residual_var):
    total = therapist_var + client_var + residual_var
    return _ratio(therapist_var, total)


def _interval(clients: pd.DataFrame, seed: int) -> tuple[float, float]:
    """Percentile interval of the share over therapists drawn with replacement, their clients
    with them (each draw of a therapist counts as a therapist of its own)."""
    rng = np.random.default_rng(seed)
    codes, _ = pd.factorize(clients["therapist"])
    n, mean, ss = (clients[c].to_numpy(dtype=float) for c in ("n", "mean", "ss"))
    sums = TherapistSums.of(n, mean, ss, codes)
    n_ther = len(sums.n)
    picked = np.stack([rng.integers(0, n_ther, n_ther) for _ in range(BOOTSTRAP_DRAWS)])
    shares = _share(*anova_arrays(sums.take(picked)))  # one draw a row, all at once
    low, high = np.percentile(shares, [2.5, 97.5])
    return float(low), float(high)
