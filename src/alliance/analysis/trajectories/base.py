"""The small base both expected-recovery estimators stand on.

`Estimator` gives scikit-learn's conventions: the constructor's arguments are the parameters
(`get_params`, `set_params`, shown by `__repr__`), fitted state ends in `_`, and reading it before
`fit` raises `NotFittedError`. `RecoveryModel` adds what placing clients needs in common: the band
kept inside the instrument's range (`scale_range`), in one place.
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np
import pandas as pd

from alliance.measures import get_instrument


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
    """An expected course with a band; `scale_range` (low, high) keeps both inside the scale."""

    scale_range: tuple[float, float] | None = None

    def within_scale(self, band: pd.DataFrame) -> pd.DataFrame:
        """The expected score and the band clipped to the instrument's possible range."""
        if self.scale_range is None:
            return band
        low, high = self.scale_range
        columns = ["expected", "lower", "upper"]
        return band.assign(
            **{c: np.clip(band[c].to_numpy(dtype=float), low, high) for c in columns}
        )


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
