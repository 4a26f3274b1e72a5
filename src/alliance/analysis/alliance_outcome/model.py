"""Does a better alliance this session go with fewer symptoms next session? Within vs between."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from alliance.analysis.trajectories.table import check_sessions
from alliance.measures import DIMENSIONS

from .course import ClientCourse
from .lagged import DETRENDED, METHODS, lagged_pairs, split_within_between
from .mixed import MixedFit, fit_random_intercept
from .results import AllianceEffect, Estimate, effects_frame
from .therapist import TherapistShare, therapist_share
from .within import within_client_fit

OWN_COURSE = "own-course"
CURRENT_OUTCOME = (OWN_COURSE, "raw", "none")


@dataclass(frozen=True)
class _Shared:
    """What the fits of every scale have in common: computed once per fit."""

    codes: np.ndarray
    split: ClientCourse  # the course the within/between split takes out
    own: ClientCourse  # the course the within-client fit takes out
    y: np.ndarray  # the next session's outcome
    y_own: np.ndarray  # y off its own course
    log_session_next: np.ndarray
    current: np.ndarray | None  # this session's outcome as the model controls it


class AllianceOutcomeModel:
    """Next-session outcome on this session's alliance, split into between and within clients.

    Between: a linear mixed model with a random intercept per client, fitted by REML:
    outcome[t+1] ~ within[t] + between + current[t] + log(session[t+1]). Within (unless
    current_outcome is "raw", the classic model): least squares with every client's own course
    (mean and, when detrended, line on log(session)) taken out of the next outcome as well.
    method: "detrended" (default; the client's own drift over sessions is taken out of the within
    part) or "centred" (deviation from the client's mean only).
    current_outcome: how this session's outcome is controlled: "own-course" (default; its deviation
    from the client's own line on log(session), which keeps the client's course from leaking into
    the estimate), "raw" (the score itself: the classic lagged model, biased in short series), or
    "none". robust: 95% intervals from cluster-robust (sandwich) standard errors by client
    (default) rather than the mixed model's own. Fitted for the alliance total and, when present,
    each dimension on its own. Higher outcome is worse, so a helpful alliance gives negative
    effects.
    """

    def __init__(
        self,
        *,
        method: str = DETRENDED,
        current_outcome: str = OWN_COURSE,
        dimensions: tuple[str, ...] = DIMENSIONS,
        alpha: float = 0.05,
        robust: bool = True,
        outcome: str = "outcome",
        alliance: str = "alliance",
        client: str = "client_id",
        session: str = "session",
        therapist: str = "therapist_id",
    ):
        if method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
        if current_outcome not in CURRENT_OUTCOME:
            raise ValueError(
                f"current_outcome must be one of {', '.join(CURRENT_OUTCOME)}, "
                f"got {current_outcome!r}"
            )
        self.method, self.current_outcome, self.alpha = method, current_outcome, alpha
        self.robust = robust
        self.dimensions = tuple(dimensions)
        self.outcome, self.alliance, self.client = outcome, alliance, client
        self.session, self.therapist = session, therapist

    def fit(self, sessions: pd.DataFrame) -> AllianceOutcomeModel:
        """Fit the overall model, one per dimension present, and the therapist share."""
        scales = [self.alliance, *[d for d in self.dimensions if d in sessions.columns]]
        table = check_sessions(
            sessions, [self.outcome, *scales], client=self.client, session=self.session
        )
        pairs = lagged_pairs(
            table, scales, outcome=self.outcome, client=self.client, session=self.session
        )
        codes = pd.factorize(pairs[self.client])[0]
        n_clients = int(codes.max()) + 1 if len(codes) else 0
        if n_clients < 3:
            raise ValueError("need at least 3 clients with two or more sessions each")
        self.effects_: dict[str, AllianceEffect] = {}
        self.fits_: dict[str, MixedFit] = {}
        shared = self._shared(pairs, codes)
        for scale in scales:
            self.effects_[scale] = self._fit_scale(pairs, scale, shared)
        self.therapist_: TherapistShare | None = therapist_share(
            table, outcome=self.outcome, session=self.session, therapist=self.therapist
        )
        self.n_clients_ = n_clients
        self.n_sessions_ = int(len(pairs))
        return self

    def _shared(self, pairs: pd.DataFrame, codes: np.ndarray) -> _Shared:
        """What every scale's fits have in common, worked out once."""
        log_s = np.log(pairs[self.session].to_numpy(dtype=float))
        detrended = ClientCourse.of(codes, log_s)
        split = detrended if self.method == DETRENDED else ClientCourse.of(codes)
        y = pairs["outcome_next"].to_numpy(dtype=float)
        current = None
        if self.current_outcome == "raw":
            current = pairs[self.outcome].to_numpy(dtype=float)
            current = current - current.mean()
        elif self.current_outcome != "none":
            _, current = split_within_between(
                pairs, self.outcome, client=self.client, session=self.session,
                method=DETRENDED, course=detrended,
            )  # fmt: skip
        own = detrended if self.method == DETRENDED else split
        return _Shared(
            codes,
            split,
            own,
            y,
            own.residual(y),
            np.log(pairs["session_next"].to_numpy(dtype=float)),
            current,
        )

    def _fit_scale(self, pairs: pd.DataFrame, scale: str, shared: _Shared) -> AllianceEffect:
        """One scale's fits, from what the scales share."""
        between, within = split_within_between(
            pairs,
            scale,
            client=self.client,
            session=self.session,
            method=self.method,
            course=shared.split,
        )
        columns = {
            "within": within,
            "between": between - between.mean(),
            "log_session": shared.log_session_next,
        }
        if shared.current is not None:
            columns["current_outcome"] = shared.current
        fit = fit_random_intercept(
            shared.y, columns, shared.codes, robust=self.robust, codes=shared.codes
        )
        self.fits_[scale] = fit
        n_clients, n_rows = shared.split.n_groups, len(pairs)
        within_fit = fit.interval("within", self.alpha)
        if self.current_outcome != "raw":
            within_fit = self._within_on_own_course(columns, shared)
        return AllianceEffect(
            scale,
            Estimate("within", *within_fit, n_clients, n_rows),
            Estimate("between", *fit.interval("between", self.alpha), n_clients, n_rows),
        )

    def _within_on_own_course(
        self, columns: dict[str, np.ndarray], shared: _Shared
    ) -> tuple[float, float, float]:
        """Next outcome, within alliance and current outcome all taken off the client's own
        course (mean, and line on log(session) when detrended): the client's own improvement
        slope then cannot leak into the within effect (docs/analysis.md)."""
        kept: dict[str, np.ndarray] = {
            name: columns[name] for name in ("within", "current_outcome") if name in columns
        }
        if self.method != DETRENDED:  # centred keeps the course over sessions as a covariate
            kept["log_session"] = columns["log_session"]
        return within_client_fit(
            shared.y,
            kept,
            shared.codes,
            shared.own.log_c,
            robust=self.robust,
            alpha=self.alpha,
            course=shared.own,
            y_dev=shared.y_own,
        )

    @property
    def within_(self) -> Estimate:
        return self.effects_[self.alliance].within

    @property
    def between_(self) -> Estimate:
        return self.effects_[self.alliance].between

    @property
    def problems_(self) -> dict[str, tuple[str, ...]]:
        """What each scale's mixed-model fit met (a boundary, a stopped search), by scale."""
        return {scale: fit.problems for scale, fit in self.fits_.items() if fit.problems}

    @property
    def summary(self) -> pd.DataFrame:
        """One row per scale and part: estimate, interval, clients and session pairs."""
        return effects_frame(self.effects_)

    def reading(self) -> str:
        """The overall result and the therapist share in plain words."""
        lines = [self.effects_[self.alliance].reading()]
        lines += [
            f"{scale.capitalize()}: {effect.within.estimate:+.2f} within "
            f"({effect.within.ci_low:+.2f} to {effect.within.ci_high:+.2f})"
            for scale, effect in self.effects_.items()
            if scale != self.alliance
        ]
        if self.therapist_ is not None:
            lines.append(self.therapist_.reading())
        unconverged = [scale for scale, fit in self.fits_.items() if not fit.converged]
        if unconverged:
            lines.append(f"Caution: the fit for {', '.join(unconverged)} did not fully converge.")
        return "\n".join(lines)
