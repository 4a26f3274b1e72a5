"""Reliable and clinically significant change (Jacobson & Truax 1991), and NHS Talking Therapies
recovery for PHQ-9 and GAD-7 pairs.

Every function takes scalars, numpy arrays or pandas Series: a scalar in gives a scalar out, a
Series in gives a Series with the same index.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from alliance.measures import Instrument, get_instrument

# two-sided p < .05; one public implementation uses .975 here, the probability, not the quantile
Z_CRITICAL = 1.96
CATEGORIES = ("recovered", "improved", "unchanged", "deteriorated")


# ---------------------------------------------------------------- array helpers


def _numbers(values, name: str) -> np.ndarray:
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected numbers, got {values!r}") from None


def _like(template, values: np.ndarray):
    """Give values the shape of the input: a Series keeps its index, a scalar stays a scalar."""
    if isinstance(template, pd.Series):
        dtype = object if values.dtype == object else None  # keep None for a missing category
        return pd.Series(values, index=template.index, dtype=dtype)
    if np.ndim(template) == 0:
        return values.item() if isinstance(values, np.ndarray) else values
    return values


# ---------------------------------------------------------------- the error of measurement


def standard_error(sd: float, reliability: float) -> float:
    """SE = SD * sqrt(1 - r): the standard error of measurement."""
    if not sd > 0:
        raise ValueError(f"sd: must be above 0, got {sd!r}")
    if not 0 <= reliability < 1:
        raise ValueError(f"reliability: must be at least 0 and below 1, got {reliability!r}")
    return sd * math.sqrt(1 - reliability)


def standard_error_of_difference(sd: float, reliability: float) -> float:
    """S_diff = sqrt(2) * SE: the spread of a difference between two fallible scores."""
    return math.sqrt(2) * standard_error(sd, reliability)


@dataclass(frozen=True)
class ChangeCriterion:
    """How large a change must be to be reliable, and which direction is better."""

    s_diff: float
    points: float  # the smallest reliable change, in scale points
    higher_is_better: bool
    inclusive: bool = False  # a published rule ("6 or more") counts a change of exactly points
    source: str = ""

    @classmethod
    def from_reference(
        cls, sd: float, reliability: float, *, higher_is_better: bool, z: float = Z_CRITICAL
    ) -> ChangeCriterion:
        """From a reference SD and reliability: reliable when |RC| > z (Jacobson & Truax)."""
        s_diff = standard_error_of_difference(sd, reliability)
        return cls(
            s_diff, z * s_diff, higher_is_better, source=f"SD {sd:g}, reliability {reliability:g}"
        )

    @classmethod
    def from_points(
        cls, points: float, *, higher_is_better: bool, z: float = Z_CRITICAL
    ) -> ChangeCriterion:
        """From a published threshold in points, which counts a change of exactly that size."""
        if not points > 0:
            raise ValueError(f"points: must be above 0, got {points!r}")
        return cls(
            points / z, points, higher_is_better, inclusive=True, source=f"{points:g} points"
        )

    @classmethod
    def from_instrument(cls, instrument: Instrument | str) -> ChangeCriterion:
        """From an instrument file: its SD and reliability when given, else its points."""
        inst = instrument if isinstance(instrument, Instrument) else get_instrument(instrument)
        rule = inst.reliable_change
        if rule is None:
            raise ValueError(f"{inst.id}: has no reliable_change; give an SD and reliability")
        if rule.sd is not None and rule.reliability is not None:
            return cls.from_reference(
                rule.sd, rule.reliability, higher_is_better=inst.higher_is_better
            )
        return cls.from_points(rule.value, higher_is_better=inst.higher_is_better)

    def index(self, pre, post):
        """RC = (post - pre) / S_diff, signed as the scale runs."""
        rc = (_numbers(post, "post") - _numbers(pre, "pre")) / self.s_diff
        return _like(pre, rc)

    def improvement(self, pre, post):
        """The change in points, positive when the client got better."""
        change = _numbers(post, "post") - _numbers(pre, "pre")
        return _like(pre, change if self.higher_is_better else -change)

    def reliably_improved(self, pre, post):
        return _like(pre, self._beyond(_numbers(self.improvement(pre, post), "change")))

    def reliably_deteriorated(self, pre, post):
        return _like(pre, self._beyond(-_numbers(self.improvement(pre, post), "change")))

    def _beyond(self, change: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore"):
            return change >= self.points if self.inclusive else change > self.points


# ---------------------------------------------------------------- clinical cutoffs


@dataclass(frozen=True)
class ClinicalCutoff:
    """The line between the dysfunctional and the functional range."""

    value: float
    higher_is_better: bool
    functional_at_value: bool = False  # whether a score exactly on the line is functional

    @classmethod
    def from_instrument(cls, instrument: Instrument | str) -> ClinicalCutoff:
        """From an instrument's cutoff; 'at-or-above' means the value and up are clinical."""
        inst = instrument if isinstance(instrument, Instrument) else get_instrument(instrument)
        if inst.cutoff is None:
            raise ValueError(f"{inst.id}: has no cutoff; derive one with cutoffs_from_norms")
        clinical_high = inst.cutoff.direction == "at-or-above"
        return cls(
            inst.cutoff.value,
            higher_is_better=not clinical_high,
            functional_at_value=not clinical_high,
        )

    def functional(self, scores):
        """True where a score lies in the functional range (NaN scores are not functional)."""
        x = _numbers(scores, "scores")
        with np.errstate(invalid="ignore"):
            if self.higher_is_better:
                inside = x >= self.value if self.functional_at_value else x > self.value
            else:
                inside = x <= self.value if self.functional_at_value else x < self.value
        return _like(scores, inside)


@dataclass(frozen=True)
class NormCutoffs:
    """Cutoffs a, b and c from a dysfunctional (0) and, when known, a functional (1) population."""

    a: float
    b: float | None
    c: float | None
    higher_is_better: bool

    @property
    def preferred(self) -> str:
        """c when both norms exist (Jacobson & Truax recommend it), else a."""
        return "c" if self.c is not None else "a"

    def cutoff(self, which: str | None = None) -> ClinicalCutoff:
        which = which or self.preferred
        value = {"a": self.a, "b": self.b, "c": self.c}.get(which)
        if value is None:
            raise ValueError(f"cutoff {which!r}: needs the functional norms (mean and SD)")
        return ClinicalCutoff(value, self.higher_is_better)


def cutoffs_from_norms(
    dysfunctional_mean: float,
    dysfunctional_sd: float,
    functional_mean: float | None = None,
    functional_sd: float | None = None,
    *,
    higher_is_better: bool,
) -> NormCutoffs:
    """a = M0 +- 2 SD0 and b = M1 -+ 2 SD1, each towards the other range; c weights by the SDs."""
    toward_health = 1 if higher_is_better else -1
    a = dysfunctional_mean + toward_health * 2 * dysfunctional_sd
    if functional_mean is None or functional_sd is None:
        return NormCutoffs(a, None, None, higher_is_better)
    b = functional_mean - toward_health * 2 * functional_sd
    c = (dysfunctional_sd * functional_mean + functional_sd * dysfunctional_mean) / (
        dysfunctional_sd + functional_sd
    )
    return NormCutoffs(a, b, c, higher_is_better)


# ---------------------------------------------------------------- the four categories


def classify_change(pre, post, criterion: ChangeCriterion, cutoff: ClinicalCutoff | None = None):
    """recovered / improved / unchanged / deteriorated; None where pre or post is missing.

    Recovered means a reliable improvement that crossed the cutoff, from the dysfunctional range at
    pre to the functional range at post. Without a cutoff no one is called recovered.
    """
    pre_x, post_x = _numbers(pre, "pre"), _numbers(post, "post")
    improved = np.asarray(criterion.reliably_improved(pre_x, post_x))
    worse = np.asarray(criterion.reliably_deteriorated(pre_x, post_x))
    crossed = np.zeros(np.shape(improved), dtype=bool)
    if cutoff is not None:
        crossed = ~np.asarray(cutoff.functional(pre_x)) & np.asarray(cutoff.functional(post_x))
    conditions = [improved & crossed, improved, worse]
    labels = np.select(
        conditions, ["recovered", "improved", "deteriorated"], default="unchanged"
    ).astype(object)
    labels[np.isnan(pre_x) | np.isnan(post_x)] = None
    return _like(pre, labels)


def change_table(
    pre, post, criterion: ChangeCriterion, cutoff: ClinicalCutoff | None = None
) -> pd.DataFrame:
    """One row per client: pre, post, change, rci, reliable flags, ranges and category."""
    pre_s = pre if isinstance(pre, pd.Series) else pd.Series(np.atleast_1d(_numbers(pre, "pre")))
    post_s = pd.Series(np.atleast_1d(_numbers(post, "post")), index=pre_s.index)
    table = pd.DataFrame({"pre": pre_s.astype(float), "post": post_s})
    table["change"] = table["post"] - table["pre"]
    table["rci"] = criterion.index(table["pre"], table["post"])
    table["reliably_improved"] = criterion.reliably_improved(table["pre"], table["post"])
    table["reliably_deteriorated"] = criterion.reliably_deteriorated(table["pre"], table["post"])
    if cutoff is not None:
        table["functional_pre"] = cutoff.functional(table["pre"])
        table["functional_post"] = cutoff.functional(table["post"])
    table["category"] = classify_change(table["pre"], table["post"], criterion, cutoff)
    return table


# ---------------------------------------------------------------- NHS Talking Therapies


def talking_therapies_outcomes(phq9_pre, phq9_post, gad7_pre, gad7_post) -> pd.DataFrame:
    """Caseness, recovery, reliable improvement or deterioration, and reliable recovery.

    A case scores at or above either cutoff (PHQ-9 10, GAD-7 8). Recovery: a case at intake that is
    below both at the end (not applicable, NA, for non-cases). Reliable improvement: a reliable drop
    on at least one measure and a reliable rise on neither; reliable deterioration the reverse.
    Reliable recovery: recovered and reliably improved. Any missing score gives NA throughout.
    """
    scores = _outcome_frame(phq9_pre, phq9_post, gad7_pre, gad7_post)
    case_pre = _case(scores["phq9_pre"], scores["gad7_pre"])
    case_post = _case(scores["phq9_post"], scores["gad7_post"])
    improved, deteriorated = _reliable_pair(scores)
    result = pd.DataFrame(
        {
            "case_at_intake": case_pre,
            "case_at_end": case_post,
            "recovered": case_pre & ~case_post,
            "reliable_improvement": improved,
            "reliable_deterioration": deteriorated,
            "reliable_recovery": case_pre & ~case_post & improved,
        },
        index=scores.index,
    ).astype("boolean")
    result.loc[~case_pre, ["recovered", "reliable_recovery"]] = pd.NA
    result.loc[~scores.notna().all(axis=1).to_numpy(), :] = pd.NA
    return result


def _outcome_frame(phq9_pre, phq9_post, gad7_pre, gad7_post) -> pd.DataFrame:
    named = {
        "phq9_pre": phq9_pre,
        "phq9_post": phq9_post,
        "gad7_pre": gad7_pre,
        "gad7_post": gad7_post,
    }
    index = next((v.index for v in named.values() if isinstance(v, pd.Series)), None)
    columns = {name: np.atleast_1d(_numbers(v, name)) for name, v in named.items()}
    return pd.DataFrame(columns, index=index)


def _case(phq9: pd.Series, gad7: pd.Series) -> np.ndarray:
    depressed = ~np.asarray(ClinicalCutoff.from_instrument("phq-9").functional(phq9))
    anxious = ~np.asarray(ClinicalCutoff.from_instrument("gad-7").functional(gad7))
    return depressed | anxious


def _reliable_pair(scores: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Reliable improvement and deterioration over the PHQ-9 and GAD-7 together."""
    better, worse = [], []
    for measure, instrument_id in (("phq9", "phq-9"), ("gad7", "gad-7")):
        rule = ChangeCriterion.from_instrument(instrument_id)
        pre, post = scores[f"{measure}_pre"].to_numpy(), scores[f"{measure}_post"].to_numpy()
        better.append(np.asarray(rule.reliably_improved(pre, post)))
        worse.append(np.asarray(rule.reliably_deteriorated(pre, post)))
    any_better, any_worse = better[0] | better[1], worse[0] | worse[1]
    return any_better & ~any_worse, any_worse & ~any_better
