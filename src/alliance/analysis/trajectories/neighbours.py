"""Expected course from the most similar earlier clients (Lutz et al. 2006)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .base import RecoveryModel
from .curves import band_frame, client_curves
from .table import check_sessions


class NearestNeighbourRecovery(RecoveryModel):
    """The k earlier clients nearest by intake (and covariates) give the expected course and band.

    Each neighbour's own line of outcome on log(session) is fitted; the expected score is their
    average at that session, and the band adds the spread between their lines to their average
    scatter around their own lines. covariates: per-client columns (their first value is used),
    standardised with the intake score before distances are taken. reliable_change, specificity
    and min_clients set the operating point of the not-on-track call, as in ExpectedRecovery.
    """

    def __init__(
        self,
        *,
        k: int = 50,
        covariates: tuple[str, ...] = (),
        coverage: float = 0.80,
        min_sessions: int = 3,
        outcome: str = "outcome",
        client: str = "client_id",
        session: str = "session",
        scale_range: tuple[float, float] | None = None,
        reliable_change: float = 6.0,
        specificity: float = 0.85,
        min_clients: int = 30,
    ):
        if k < 2:
            raise ValueError(f"k must be at least 2, got {k}")
        if not 0 < coverage < 1:
            raise ValueError(f"coverage must be between 0 and 1, got {coverage}")
        self.k, self.covariates, self.coverage = k, tuple(covariates), coverage
        self.min_sessions = min_sessions
        self.outcome, self.client, self.session = outcome, client, session
        self.scale_range = scale_range
        self.reliable_change, self.specificity = reliable_change, specificity
        self.min_clients = min_clients

    def fit(self, sessions: pd.DataFrame) -> NearestNeighbourRecovery:
        """Fit every earlier client's own growth line and index them by intake variables."""
        table = check_sessions(
            sessions, [self.outcome, *self.covariates], client=self.client, session=self.session
        )
        curves = client_curves(table, self.outcome, self.client, self.session)
        features = self._features(table)
        keep = curves.index[curves["n"] >= self.min_sessions]
        if len(keep) < self.k:
            raise ValueError(
                f"need at least k={self.k} clients with {self.min_sessions} or more "
                f"sessions to fit; found {len(keep)}"
            )
        self.curves_ = curves.loc[keep].assign(residual_var=lambda c: c["residual_var"].fillna(0))
        raw = features.loc[keep].to_numpy(dtype=float)
        self.centre_, self.scale_ = raw.mean(axis=0), raw.std(axis=0) + 1e-9
        self.tree_ = cKDTree((raw - self.centre_) / self.scale_)
        self.ids_ = keep.to_numpy().astype(str)
        self.n_clients_ = len(keep)
        self.learn_status_calls(table)
        return self

    def _features(self, table: pd.DataFrame) -> pd.DataFrame:
        columns = [self.outcome, *self.covariates]
        return table.groupby(self.client, sort=False)[columns].first()

    def predict(
        self,
        intake,
        session,
        covariates: pd.DataFrame | None = None,
        exclude: np.ndarray | None = None,
    ) -> pd.DataFrame:
        """Expected score and band per (intake, session); `exclude` drops a client's own line."""
        self.check_fitted("tree_")
        intake_a, session_a = np.broadcast_arrays(
            np.asarray(intake, float), np.asarray(session, float)
        )
        intake_a, session_a = intake_a.ravel(), session_a.ravel()
        extra = self._covariate_matrix(covariates, intake_a.size)
        points = (np.column_stack([intake_a, extra]) - self.centre_) / self.scale_
        _, idx = self.tree_.query(points, k=min(self.k + 1, self.n_clients_))
        use = self._without_self(idx, exclude)
        curves = self.curves_
        lines = (
            curves["intercept"].to_numpy()[idx]
            + curves["slope"].to_numpy()[idx] * np.log(session_a)[:, None]
        )
        expected = _mean(lines, use)
        spread = np.sqrt(
            _mean((lines - expected[:, None]) ** 2, use)
            + _mean(curves["residual_var"].to_numpy()[idx], use)
        )
        band = band_frame(intake_a, session_a, expected, spread, self.coverage, source="neighbours")
        return self.within_scale(band)

    def _covariate_matrix(self, covariates: pd.DataFrame | None, n: int) -> np.ndarray:
        if not self.covariates:
            return np.empty((n, 0))
        if covariates is None:
            raise ValueError(f"covariates {', '.join(self.covariates)} are needed to predict")
        return covariates[list(self.covariates)].to_numpy(dtype=float).reshape(n, -1)

    def _without_self(self, idx: np.ndarray, exclude: np.ndarray | None) -> np.ndarray:
        use = np.ones(idx.shape, dtype=bool)
        if exclude is not None:
            use = self.ids_[idx] != np.asarray(exclude, dtype=str)[:, None]
        extra = use.sum(axis=1) > self.k
        use[extra, -1] = False  # keep exactly k: drop the farthest when no own line was found
        return use

    def band_for(
        self, rows: pd.DataFrame, intake: np.ndarray, *, leave_out_own: bool = True, **options
    ) -> pd.DataFrame:
        """The band at each row's session, leaving each client's own line out if asked.

        Keep leave_out_own True when `rows` is the history itself (or `place_all` of it); set it
        False for clients of another data set whose ids could clash with the history's.
        """
        covariates = (
            rows.groupby(self.client, sort=False)[list(self.covariates)].transform("first")
            if self.covariates
            else None
        )
        clients = rows[self.client].astype(str).to_numpy() if leave_out_own else None
        return self.predict(intake, rows[self.session].to_numpy(), covariates, exclude=clients)

    def end_band(self, placed: pd.DataFrame, end: np.ndarray) -> pd.DataFrame:
        covariates = placed[list(self.covariates)] if self.covariates else None
        clients = placed["client_id"].astype(str).to_numpy()
        return self.predict(placed["intake"].to_numpy(dtype=float), end, covariates, clients)

    def _band_of_one(self, ident, sessions, outcomes, rows) -> pd.DataFrame:
        if self.covariates and not isinstance(rows, pd.DataFrame):
            raise ValueError(f"place() needs the client's rows with {list(self.covariates)}")
        covariates = rows.iloc[[0]] if self.covariates else None
        return self.predict(outcomes[0], sessions[-1], covariates, exclude=np.array([ident]))

    @property
    def summary(self) -> pd.DataFrame:
        """The fitted history: clients, k, and the spread of their lines."""
        c = self.curves_
        return pd.DataFrame(
            [
                {
                    "n_clients": self.n_clients_,
                    "k": self.k,
                    "covariates": ", ".join(self.covariates) or "none",
                    "mean_slope_log_session": c["slope"].mean(),
                    "sd_slope_log_session": c["slope"].std(),
                }
            ]
        )


def _mean(values: np.ndarray, use: np.ndarray) -> np.ndarray:
    return np.where(use, values, 0.0).sum(axis=1) / use.sum(axis=1)
