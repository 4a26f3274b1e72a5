"""The small base both expected-recovery estimators stand on.

`Estimator` gives scikit-learn's conventions: the constructor's arguments are the parameters
(`get_params`, `set_params`, shown by `__repr__`), fitted state ends in `_`, and reading it before
`fit` raises `NotFittedError`. `RecoveryModel` adds what placing clients needs in common, in one
place: the band kept inside the instrument's range (`scale_range`), the status calls learned from
the history (persistence and operating point), and `place` / `place_all`. An estimator supplies
`predict`, `band_for` (the band at each row of a table) and `_band_of_one` (the band at one
client's latest session).
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np
import pandas as pd

from alliance.measures import get_instrument

from .operating import fit_operating_point
from .placement import Placement, one_client, place_rows, place_table, statuses
from .projection import calibrated, fit_persistence, projected


class NotFittedError(AttributeError):
    """A fitted attribute was read before `fit`."""


class Estimator:
    """Parameters are the constructor's keyword arguments, stored under the same names."""

    @classmethod
    def _param_names(cls) -> list[str]:
        signature = inspect.signature(cls.__init__)
        return [name for name in signature.parameters if name != "self"]

    def get_params(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> Estimator:
        """Change parameters (checked as the constructor checks them); fitted state is dropped."""
        known = self._param_names()
        unknown = sorted(set(params) - set(known))
        if unknown:
            raise ValueError(
                f"unknown parameter(s) {', '.join(unknown)}; known: {', '.join(known)}"
            )
        self.__init__(**(self.get_params() | params))  # type: ignore[misc]
        for name in [n for n in vars(self) if n.endswith("_") and not n.startswith("_")]:
            delattr(self, name)
        return self

    def check_fitted(self, attribute: str) -> None:
        if not hasattr(self, attribute):
            raise NotFittedError(
                f"{type(self).__name__} is not fitted yet; call fit() before using it"
            )

    def __repr__(self) -> str:
        defaults = {
            name: parameter.default
            for name, parameter in inspect.signature(type(self).__init__).parameters.items()
        }
        changed = [
            f"{name}={value!r}"
            for name, value in self.get_params().items()
            if not _same(value, defaults.get(name))
        ]
        return f"{type(self).__name__}({', '.join(changed)})"


def _same(value: Any, default: Any) -> bool:
    try:
        return bool(value == default)
    except (TypeError, ValueError):
        return False


class RecoveryModel(Estimator):
    """An expected course with a band; `scale_range` (low, high) keeps both inside the scale.

    Subclasses set `reliable_change`, `specificity` and `min_clients` (the operating point of the
    not-on-track call, operating.py) and call `learn_status_calls` at the end of `fit`.
    """

    scale_range: tuple[float, float] | None = None
    outcome: str
    client: str
    session: str
    reliable_change: float
    specificity: float
    min_clients: int

    def within_scale(self, band: pd.DataFrame) -> pd.DataFrame:
        """The expected score and the band clipped to the instrument's possible range."""
        if self.scale_range is None:
            return band
        columns = ["expected", "lower", "upper"]
        return band.assign(
            **{c: self.clip_to_scale(band[c].to_numpy(dtype=float)) for c in columns}
        )

    def clip_to_scale(self, values: np.ndarray) -> np.ndarray:
        """Scores kept inside `scale_range` (unchanged without one)."""
        if self.scale_range is None:
            return values
        low, high = self.scale_range
        return np.clip(values, low, high)

    def learn_status_calls(self, history: pd.DataFrame) -> None:
        """From every history session's placement, how much deviation persists and the threshold."""
        rows = place_rows(self, history)
        self.persistence_ = fit_persistence(rows, self.min_clients)
        self.operating_point_ = fit_operating_point(
            projected(self, rows), self.reliable_change, self.specificity, self.min_clients
        )

    def band_for(self, rows: pd.DataFrame, intake: np.ndarray, **options: Any) -> pd.DataFrame:
        raise NotImplementedError

    def _band_of_one(
        self, ident: str, sessions: np.ndarray, outcomes: np.ndarray, rows: pd.DataFrame | pd.Series
    ) -> pd.DataFrame:
        raise NotImplementedError

    def _note(self, band: pd.Series) -> str:
        return ""

    def end_band(self, placed: pd.DataFrame, end: np.ndarray) -> pd.DataFrame:
        """The band at session `end` for each placed client (place_rows output)."""
        return self.predict(placed["intake"].to_numpy(dtype=float), end)

    def predict(self, intake, session) -> pd.DataFrame:
        raise NotImplementedError

    def place(self, client_series: pd.DataFrame | pd.Series) -> Placement:
        """One client at their latest session against the band: on-track, not-on-track or better."""
        ident, sessions, outcomes = one_client(
            client_series, outcome=self.outcome, session=self.session, client=self.client
        )
        band = self._band_of_one(ident, sessions, outcomes, client_series).iloc[0]
        latest = outcomes[-1]
        status = statuses(np.array([latest]), np.array([band["lower"]]), np.array([band["upper"]]))
        return Placement(
            ident,
            int(sessions[-1]),
            float(latest),
            float(band["expected"]),
            float(band["lower"]),
            float(band["upper"]),
            str(status[0]),
            float((latest - band["expected"]) / band["spread"]),
            self._note(band),
        )

    def place_all(
        self, sessions: pd.DataFrame, at: int | None = None, **band_options: Any
    ) -> pd.DataFrame:
        """Every client at their latest session (or at session `at`, for those who reached it).

        Columns: client_id, session, intake, outcome, expected, lower, upper, deviation (latest
        score, in spreads), status (at the operating point, see operating.py), band_status (inside,
        above or below the band alone), source, course_deviation (see placement.course_deviation),
        projected_end and projected_change (see projection.py). band_options go to `band_for`.
        """
        self.check_fitted("operating_point_")
        return calibrated(self, projected(self, place_table(self, sessions, at, **band_options)))


def instrument_range(instrument_id: str) -> tuple[float, float]:
    """The possible range of an outcome instrument's scored scale (the one change is judged on)."""
    instrument = get_instrument(instrument_id)
    rule = instrument.reliable_change
    return instrument.scale_range(rule.scale if rule else instrument.scale_ids[0])


def reliable_change_of(instrument_id: str) -> float:
    """The instrument's published reliable change in points (6 on the PHQ-9)."""
    rule = get_instrument(instrument_id).reliable_change
    if rule is None:
        raise ValueError(f"instrument {instrument_id} has no reliable change")
    return float(rule.value)
