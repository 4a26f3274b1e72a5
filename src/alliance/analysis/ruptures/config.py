"""Frozen, serialisable settings: the base every rule class builds on, and the shared baseline and
repair settings. Each rule (its parameters, the columns it needs, how it resolves instrument values
and how it flags sessions) is one class in `rules/`.

Every default is documented in docs/ruptures.md with its source; a clinic can override any of
them and store the whole configuration as a plain dict (`to_dict` / `from_dict`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

if TYPE_CHECKING:
    from alliance.measures import Instrument

    from .context import Context


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the rule, the setting and the problem."""


@dataclass(frozen=True)
class RuleConfig:
    """Base of every rule's settings."""

    name: ClassVar[str] = ""

    def __post_init__(self) -> None:
        for problem in self.problems():
            raise ConfigError(f"rule {self.name}: {problem}")

    def problems(self) -> list[str]:
        return []

    @property
    def needs(self) -> tuple[str, ...]:
        """The optional columns this rule reads (besides client_id, session and alliance)."""
        return ()

    @property
    def reads_signs(self) -> bool:
        """Whether the rule judges the scores by the evidence of all the signs (signs.py)."""
        return False

    def drop_ks(self) -> list[float]:
        """The score drops (in SD_ref) this rule asks for before it flags a session."""
        return []

    def resolve(self, instrument: Instrument) -> RuleConfig:
        """The rule with every 'use the instrument's value' setting filled in."""
        return self

    def detect(self, context: Context) -> np.ndarray:
        """The sessions this rule flags (a boolean per row of the sorted sessions)."""
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready values (tuples become lists)."""
        values = {
            k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(self).items()
        }
        return {"rule": self.name, **values}


def positive(owner: object, *names: str) -> list[str]:
    return [
        f"{name} must be above 0, not {getattr(owner, name)!r}"
        for name in names
        if not getattr(owner, name) > 0
    ]


@dataclass(frozen=True)
class BaselineConfig:
    """How the client's own level and the reference SD are estimated."""

    min_earlier: int = 3  # earlier sessions needed before a baseline exists
    within_sd: str = "earlier"  # "earlier": SD of the sessions before; "all": the whole series;
    # "none": between_sd alone (a known SD, as for the validation's oracle)
    between_sd: float | None = None  # a fixed value (e.g. a clinic norm); None: estimate it
    between_method: str = "pooled"  # "pooled": the sample's pooled within-client SD; "total": the
    # SD of every session score (includes the differences between clients' levels); "successive":
    # the median successive difference as an SD (robust to trends and heavy tails)

    def __post_init__(self) -> None:
        if self.min_earlier < 2:
            raise ConfigError(f"baseline: min_earlier must be 2 or more, not {self.min_earlier!r}")
        if self.within_sd not in ("earlier", "all", "none"):
            raise ConfigError(
                f"baseline: within_sd must be 'earlier', 'all' or 'none', not {self.within_sd!r}"
            )
        if self.between_method not in ("pooled", "total", "successive"):
            raise ConfigError(
                "baseline: between_method must be 'pooled', 'total' or 'successive', "
                f"not {self.between_method!r}"
            )
        if self.between_sd is not None and not self.between_sd >= 0:
            raise ConfigError(f"baseline: between_sd must be 0 or more, not {self.between_sd!r}")


@dataclass(frozen=True)
class RepairConfig:
    """When an episode counts as repaired, and how long a decline may last."""

    # chosen on the project's synthetic clinic (docs/ruptures-validation.md, "Repair call")

    window: int = 3  # sessions after the lowest one in which the score must come back
    tolerance_sd: float | None = None  # None: tolerance_share * k of the detector's score rule
    tolerance_share: float = 0.25  # a quarter of the criterion: k = 1 -> 0.25 SD_ref
    max_decline: int = 2  # the V's lowest point: the onset or the session after it
    hold: int = 0  # sessions after the return that must stay above the line too (0: any return)
    level: str = "recent"  # the level a return is judged against: "recent", the mean of the
    # `recent` sessions before the onset (the level the rupture broke off); "baseline", the mean
    # of every earlier session (the detector's baseline)
    recent: int = 4

    def __post_init__(self) -> None:
        if self.level not in ("recent", "baseline"):
            raise ConfigError(f"repair: level must be 'recent' or 'baseline', not {self.level!r}")
        for name in ("window", "max_decline", "recent"):
            if getattr(self, name) < 1:
                raise ConfigError(f"repair: {name} must be 1 or more, not {getattr(self, name)!r}")
        if self.hold < 0:
            raise ConfigError(f"repair: hold must be 0 or more, not {self.hold!r}")
        if not self.tolerance_share >= 0:
            raise ConfigError(
                f"repair: tolerance_share must be 0 or more, not {self.tolerance_share!r}"
            )
        if self.tolerance_sd is not None and self.tolerance_sd < 0:
            raise ConfigError(f"repair: tolerance_sd must be 0 or more, not {self.tolerance_sd!r}")
