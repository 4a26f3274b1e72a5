"""Expected recovery curves by intake severity (Finch, Lambert & Schaalje 2001)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .base import RecoveryModel
from .curves import (
    VarianceCurve,
    band_z,
    design,
    fit_variance_curve,
    split_variance,
)
from .default import DefaultCurve
from .latest import LatestPlaces, place_latest
from .placement import text_column
from .table import check_sessions


@dataclass(frozen=True)
class StratumCurve:
    """The fitted course of one intake stratum."""

    coef: np.ndarray
    cov: np.ndarray
    intake_mean: float
    variance: VarianceCurve
    between_var: float
    within_var: float
    n_clients: int
    n_sessions: int

    def predict(self, intake: np.ndarray, log_session: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Expected score and the spread of a new client's score around it."""
        x = design(log_session, intake - self.intake_mean)
        mean_var = np.einsum("ij,jk,ik->i", x, self.cov, x)
        return x @ self.coef, np.sqrt(self.variance.at(log_session) + mean_var)


def fit_stratum(
    rows: pd.DataFrame,
    intake: np.ndarray,
    *,
    outcome: str,
    client: str,
    session: str,
    codes: np.ndarray | None = None,
) -> StratumCurve:
    """Least squares of outcome on log(session), intake and their product, with a variance curve.

    codes: each row's client as an integer, when known (cheaper to group on than the ids)."""
    log_s = np.log(rows[session].to_numpy(dtype=float))
    intake_mean = float(np.mean(np.unique(intake)))
    x = design(log_s, intake - intake_mean)
    y = rows[outcome].to_numpy(dtype=float)
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    residuals = y - x @ coef
    clients = rows[client].to_numpy() if codes is None else codes
    n_clients = len(pd.unique(clients))
    sigma2 = float(residuals @ residuals) / max(len(y) - x.shape[1], 1)
    # Clustered data: scale the naive covariance by the average cluster size, a conservative bound.
    cov = np.linalg.pinv(x.T @ x) * sigma2 * (len(y) / max(n_clients, 1))
    between, within = split_variance(residuals, clients)
    variance = fit_variance_curve(residuals, rows[session].to_numpy())
    return StratumCurve(coef, cov, intake_mean, variance, between, within, n_clients, len(y))


class ExpectedRecovery(RecoveryModel):
    """Expected course of the outcome (higher is worse) by intake stratum, with a tolerance band.

    strata: intake cut points (a client with intake >= a cut point is in the stratum above it);
    coverage: the share of on-course clients the band should hold at each session;
    min_clients: below this many clients a stratum uses `default` and says so in `notes_`;
    scale_range: the instrument's (lowest, highest) score; the expected score and band stay inside;
    reliable_change, specificity: the operating point of the not-on-track call (operating.py): a
        client is not on track when the projected change exceeds what `specificity` of the
        history's reliably improved clients (by `reliable_change` points; 6 on the PHQ-9) showed.
    """

    def __init__(
        self,
        *,
        strata: tuple[float, ...] = (10.0, 15.0, 20.0),
        coverage: float = 0.80,
        min_clients: int = 30,
        default: DefaultCurve | None = None,
        outcome: str = "outcome",
        client: str = "client_id",
        session: str = "session",
        scale_range: tuple[float, float] | None = None,
        reliable_change: float = 6.0,
        specificity: float = 0.85,
    ):
        if not 0 < coverage < 1:
            raise ValueError(f"coverage must be between 0 and 1, got {coverage}")
        if not 0 < specificity < 1:
            raise ValueError(f"specificity must be between 0 and 1, got {specificity}")
        if not reliable_change > 0:
            raise ValueError(f"reliable_change must be above 0, got {reliable_change}")
        if list(strata) != sorted(strata):
            raise ValueError(f"strata cut points must be increasing, got {strata}")
        self.strata = tuple(strata)
        self.coverage = coverage
        self.min_clients = min_clients
        self.default = default
        self.default_curve = default or DefaultCurve()
        self.outcome, self.client, self.session = outcome, client, session
        self.scale_range = scale_range
        self.reliable_change, self.specificity = reliable_change, specificity

    def fit(self, sessions: pd.DataFrame) -> ExpectedRecovery:
        """Fit one curve per intake stratum on the clinic's own session history."""
        table = check_sessions(sessions, [self.outcome], client=self.client, session=self.session)
        by_client = table.groupby(self.client, sort=False)
        row_intake = by_client[self.outcome].transform("first").to_numpy(dtype=float)
        codes = by_client.ngroup().to_numpy()
        row_stratum = self.stratum_of(row_intake)
        self.curves_: dict[int, StratumCurve | None] = {}
        self.notes_: list[str] = []
        for stratum in range(len(self.strata) + 1):
            mask = row_stratum == stratum
            self.curves_[stratum] = self._fit_one(
                table[mask], row_intake[mask], stratum, codes[mask]
            )
        self.n_clients_ = int(by_client.ngroups)
        self.n_sessions_ = int(len(table))
        self.learn_status_calls(table)
        return self

    def _fit_one(
        self, rows: pd.DataFrame, intake: np.ndarray, stratum: int, codes: np.ndarray
    ) -> StratumCurve | None:
        if len(pd.unique(codes)) < self.min_clients or rows[self.session].nunique() < 2:
            self.notes_.append(self.default_curve.note(self.stratum_label(stratum)))
            return None
        return fit_stratum(
            rows,
            intake,
            outcome=self.outcome,
            client=self.client,
            session=self.session,
            codes=codes,
        )

    def stratum_of(self, intake: np.ndarray) -> np.ndarray:
        return np.searchsorted(np.asarray(self.strata, dtype=float), intake, side="right")

    def stratum_label(self, stratum: int) -> str:
        edges = [-np.inf, *self.strata, np.inf]
        low, high = edges[stratum], edges[stratum + 1]
        if np.isinf(low) and np.isinf(high):
            return "every intake"
        if np.isinf(low):
            return f"intake below {high:g}"
        return (
            f"intake {low:g} and above" if np.isinf(high) else f"intake {low:g} to below {high:g}"
        )

    def predict(self, intake, session) -> pd.DataFrame:
        """Expected score with its lower and upper tolerance limits for each (intake, session)."""
        self.check_fitted("curves_")
        intake_a, session_a = np.broadcast_arrays(
            np.asarray(intake, float), np.asarray(session, float)
        )
        intake_a, session_a = intake_a.ravel(), session_a.ravel()
        if np.any(session_a < 1):
            raise ValueError("sessions are counted from 1")
        band = self.band_arrays(intake_a, session_a)
        sources = [self._source(s) for s in range(len(self.strata) + 1)]
        return pd.DataFrame({**band, "source": text_column(sources, band["stratum"])})

    def band_arrays(self, intake: np.ndarray, session: np.ndarray) -> dict[str, np.ndarray]:
        """`predict`'s columns as arrays, for flat float arrays of sessions counted from 1."""
        expected, spread = np.empty(intake.size), np.empty(intake.size)
        stratum = self.stratum_of(intake)
        for s in np.unique(stratum):
            m = stratum == s
            expected[m], spread[m] = self._course(int(s), intake[m], session[m])
        z = band_z(self.coverage)
        lower, upper = expected - z * spread, expected + z * spread
        return {
            "intake": intake,
            "session": session,
            "expected": self.clip_to_scale(expected),
            "lower": self.clip_to_scale(lower),
            "upper": self.clip_to_scale(upper),
            "spread": spread,
            "stratum": stratum,
            "source": self._sources()[stratum],
        }

    def place_latest(self, intake, session, outcome) -> LatestPlaces:
        """Clients placed from their intake and latest score alone, as `place_all` would place
        a table of those two sessions each, without building a table (see latest.py)."""
        return place_latest(self, intake, session, outcome)

    def _course(self, stratum: int, intake: np.ndarray, session: np.ndarray):
        curve = self.curves_[stratum]
        if curve is None:
            return self.default_curve.expected(intake, session), self.default_curve.spread(session)
        return curve.predict(intake, np.log(session))

    def _source(self, stratum: int) -> str:
        return "clinic" if self.curves_[stratum] is not None else "default"

    def _sources(self) -> np.ndarray:
        """Each stratum's source, indexed by stratum."""
        return np.array([self._source(s) for s in range(len(self.strata) + 1)], dtype=object)

    def _band_of_one(self, ident, sessions, outcomes, rows) -> pd.DataFrame:
        return self.predict(outcomes[0], sessions[-1])

    def _note(self, band: pd.Series) -> str:
        if band["source"] != "default":
            return ""
        return self.default_curve.note(self.stratum_label(int(band["stratum"])))

    def band_for(self, rows: pd.DataFrame, intake: np.ndarray, **options) -> pd.DataFrame:
        """The band at each row's session for clients with the given intakes."""
        return self.predict(intake, rows[self.session].to_numpy())

    @property
    def summary(self) -> pd.DataFrame:
        """One row per stratum: source, clients, sessions, the curve and the variance split."""
        rows = []
        for stratum, curve in self.curves_.items():
            row: dict[str, object] = {
                "stratum": self.stratum_label(stratum),
                "source": self._source(stratum),
            }
            if curve is not None:
                row |= {
                    "n_clients": curve.n_clients,
                    "n_sessions": curve.n_sessions,
                    "intercept": curve.coef[0],
                    "slope_log_session": curve.coef[1],
                    "between_var": curve.between_var,
                    "within_var": curve.within_var,
                }
            rows.append(row)
        return pd.DataFrame(rows)
