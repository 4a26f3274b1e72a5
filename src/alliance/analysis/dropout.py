"""Who is at risk of ending early: a discrete-time logistic model with reasons in words."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import rankdata

from alliance.analysis.trajectories.table import check_sessions

FEATURES = (
    "alliance_level",
    "alliance_drop",
    "alliance_trend",
    "unrepaired_ruptures",
    "missed_sessions",
    "outcome_change",
    "log_session",
)


def session_features(
    table: pd.DataFrame,
    unrepaired: pd.Series,
    *,
    client: str = "client_id",
    session: str = "session",
    missed: str = "missed_sessions",
) -> pd.DataFrame:
    """What is known at the end of each session: alliance, its drop, ruptures, misses, outcome."""
    grouped = table.groupby(client, sort=False)
    earlier = grouped["alliance"].transform(lambda a: a.expanding().mean().shift(1))
    return pd.DataFrame(
        {
            "alliance_level": grouped["alliance"].transform(lambda a: a.rolling(3, 1).mean()),
            "alliance_drop": (earlier - table["alliance"]).fillna(0.0),
            "alliance_trend": _recent_slope(table["alliance"], grouped["alliance"]),
            "unrepaired_ruptures": unrepaired.to_numpy(dtype=float),
            "missed_sessions": table.get(missed, 0.0),
            "outcome_change": table["outcome"] - grouped["outcome"].transform("first"),
            "log_session": np.log(table[session]),
        }
    )


def _recent_slope(values: pd.Series, grouped) -> pd.Series:
    """Change per session over the last three sessions (fewer at the start; 0 at the first)."""
    two_back, one_back = grouped.shift(2), grouped.shift(1)
    slope = ((values - two_back) / 2).fillna(values - one_back)
    return slope.fillna(0.0)


def unrepaired_counts(
    table: pd.DataFrame,
    events: pd.DataFrame | None,
    *,
    client: str,
    session: str,
    onset: str = "onset_session",
) -> pd.Series:
    """Unrepaired ruptures that began at or before each session (0 when no events are given),
    whether or not the onset session itself is a row of the table."""
    if "unrepaired_ruptures" in table:
        return table["unrepaired_ruptures"].astype(float)
    if events is None or events.empty:
        return pd.Series(0.0, index=table.index)
    bad = events[events["repaired"].eq(False).fillna(False).astype(bool)]  # None: not known yet
    rows = pd.DataFrame(
        {"key": table[client].astype(str).to_numpy(), "at": table[session].to_numpy(dtype=float)}
    )
    onsets = pd.DataFrame({"key": bad[client].astype(str), "onset": bad[onset].astype(float)})
    pairs = rows.reset_index(names="row").merge(onsets, on="key")
    begun = pairs[pairs["onset"] <= pairs["at"]].groupby("row").size()
    counts = begun.reindex(range(len(rows)), fill_value=0).to_numpy(dtype=float)
    return pd.Series(counts, index=table.index)


@dataclass(frozen=True)
class DropoutRisk:
    """One client's risk of ending early after their latest session, with the reasons."""

    client_id: str
    session: int
    risk: float
    typical_risk: float
    reasons: tuple[str, ...]

    def reading(self) -> str:
        ratio = self.risk / self.typical_risk if self.typical_risk > 0 else np.inf
        level = (
            "about the same as"
            if 0.9 <= ratio <= 1.1
            else ("higher than" if ratio > 1 else "lower than")
        )
        why = "; ".join(self.reasons) if self.reasons else "no clear factor stands out"
        return (
            f"Client {self.client_id} after session {self.session}: {100 * self.risk:.1f}% "
            f"chance of ending here, {level} the typical {100 * self.typical_risk:.1f}% "
            f"per session. Raising it: {why}."
        )


@dataclass(frozen=True)
class HeldOutAUC:
    """Discrimination on clients the model did not see, with a seeded bootstrap interval."""

    auc: float
    ci_low: float
    ci_high: float
    n_clients: int
    n_events: int


class DropoutRiskModel:
    """Logistic regression of "this was the last session, ended early" on what was known then.

    One row per client and session (a discrete-time hazard model). Predictors: the alliance level
    (mean of the last 3 sessions), its drop below the client's earlier mean, unrepaired ruptures so
    far (from an events table with client_id, onset_session, repaired, or a column
    `unrepaired_ruptures`), missed sessions so far (column `missed_sessions`, when present), the
    outcome change since intake and log(session). Predictors that never vary are left out.
    """

    def __init__(
        self,
        *,
        client: str = "client_id",
        session: str = "session",
        ended: str = "ended",
        early: str = "dropped-out",
    ):
        self.client, self.session, self.ended, self.early = client, session, ended, early

    def rows(self, sessions: pd.DataFrame, events: pd.DataFrame | None = None) -> pd.DataFrame:
        """The session table with its predictors, sorted by client and session."""
        optional = [c for c in ("missed_sessions", "unrepaired_ruptures") if c in sessions]
        table = check_sessions(
            sessions, ["alliance", "outcome", *optional], client=self.client, session=self.session
        )
        unrepaired = unrepaired_counts(table, events, client=self.client, session=self.session)
        features = session_features(table, unrepaired, client=self.client, session=self.session)
        return pd.concat([table[[self.client, self.session]], features], axis=1)

    def fit(
        self, sessions: pd.DataFrame, clients: pd.DataFrame, events: pd.DataFrame | None = None
    ) -> DropoutRiskModel:
        """Fit on a session table and a client table saying how each episode ended."""
        rows = self.rows(sessions, events)
        label = self._labels(rows, clients)
        self.features_ = [f for f in FEATURES if rows[f].std() > 0]
        x = sm.add_constant(rows[self.features_].to_numpy(dtype=float), has_constant="add")
        self.result_ = sm.Logit(label, x).fit(disp=0, maxiter=200)
        self.means_ = rows[self.features_].mean()
        self.coef_ = pd.Series(self.result_.params[1:], index=self.features_)
        self.typical_risk_ = float(label.mean())
        return self

    def _labels(self, rows: pd.DataFrame, clients: pd.DataFrame) -> np.ndarray:
        ended = clients.assign(**{self.client: clients[self.client].astype(str)}).set_index(
            self.client
        )[self.ended]
        unknown = sorted(set(rows[self.client]) - set(ended.index))
        if unknown:
            raise ValueError(f"clients table: no '{self.ended}' for client {unknown[0]}")
        last = ~rows[self.client].duplicated(keep="last")
        return (last & rows[self.client].map(ended).eq(self.early)).to_numpy(dtype=float)

    def predict_proba(self, rows: pd.DataFrame) -> np.ndarray:
        """Risk of ending after each session, for rows made by `rows()`."""
        x = sm.add_constant(rows[self.features_].to_numpy(dtype=float), has_constant="add")
        return np.asarray(self.result_.predict(x))

    def evaluate(
        self,
        sessions: pd.DataFrame,
        clients: pd.DataFrame,
        events: pd.DataFrame | None = None,
        *,
        n_boot: int = 500,
        seed: int = 0,
    ) -> HeldOutAUC:
        """AUC on held-out data, with a bootstrap interval that resamples clients."""
        rows = self.rows(sessions, events)
        label = self._labels(rows, clients).astype(bool)
        score = self.predict_proba(rows)
        return bootstrap_auc(score, label, rows[self.client].to_numpy(), n_boot=n_boot, seed=seed)

    def explain(
        self, client_sessions: pd.DataFrame, events: pd.DataFrame | None = None
    ) -> DropoutRisk:
        """The risk at a client's latest session and the factors that raise it, in words."""
        rows = self.rows(client_sessions, events)
        latest = rows.iloc[[-1]]
        risk = float(self.predict_proba(latest)[0])
        push = self.coef_ * (latest[self.features_].iloc[0] - self.means_)
        # a reason is a clear predictor (95% interval away from 0) that lifts the log-odds by > 0.1
        shown = push[(push > 0.1) & self._clear()].drop("log_session", errors="ignore")
        reasons = tuple(
            _words(name, latest[name].iloc[0]) for name in shown.sort_values(ascending=False).index
        )
        return DropoutRisk(
            str(latest[self.client].iloc[0]),
            int(latest[self.session].iloc[0]),
            risk,
            self.typical_risk_,
            reasons,
        )

    def _clear(self) -> pd.Series:
        ci = np.asarray(self.result_.conf_int())[1:]
        return pd.Series((ci[:, 0] > 0) | (ci[:, 1] < 0), index=self.features_)

    @property
    def summary(self) -> pd.DataFrame:
        """Odds ratio per predictor unit, with 95% intervals."""
        ci = np.asarray(self.result_.conf_int())[1:]
        return pd.DataFrame(
            {
                "predictor": self.features_,
                "coef": self.coef_.to_numpy(),
                "odds_ratio": np.exp(self.coef_.to_numpy()),
                "or_low": np.exp(ci[:, 0]),
                "or_high": np.exp(ci[:, 1]),
            }
        )


def _words(name: str, value: float) -> str:
    side = "below" if value >= 0 else "above"
    worse = "worse" if value > 0 else "better" if value < 0 else "unchanged"
    return {
        "alliance_level": f"recent alliance average of {value:.1f} of 10",
        "alliance_trend": f"alliance {'falling' if value < 0 else 'rising'} by {abs(value):.1f} "
        "points a session lately",
        "alliance_drop": f"latest alliance score {abs(value):.1f} points {side} the client's "
        "earlier average",
        "unrepaired_ruptures": f"{value:.0f} rupture(s) not repaired",
        "missed_sessions": f"{value:.0f} missed session(s)",
        "outcome_change": f"symptom score {value:+.0f} points since intake ({worse})",
    }[name]


def bootstrap_auc(
    score: np.ndarray, label: np.ndarray, clients: np.ndarray, *, n_boot: int = 500, seed: int = 0
) -> HeldOutAUC:
    """AUC with a percentile interval from resampling whole clients (seeded)."""
    codes, uniques = pd.factorize(clients)
    members = pd.Series(np.arange(len(codes))).groupby(codes).apply(np.array).tolist()
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        chosen = np.concatenate([members[i] for i in rng.integers(0, len(uniques), len(uniques))])
        if 0 < label[chosen].sum() < len(chosen):
            draws.append(auc(score[chosen], label[chosen]))
    low, high = np.percentile(draws, [2.5, 97.5]) if draws else (np.nan, np.nan)
    return HeldOutAUC(auc(score, label), float(low), float(high), len(uniques), int(label.sum()))


def auc(score: np.ndarray, label: np.ndarray) -> float:
    """Area under the ROC curve by the rank-sum formula (ties count half)."""
    label = np.asarray(label, dtype=bool)
    n_pos, n_neg = int(label.sum()), int((~label).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC needs both outcomes among the labels")
    ranks = rankdata(score)
    return float((ranks[label].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
