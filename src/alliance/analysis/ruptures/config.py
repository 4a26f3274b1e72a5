"""Frozen, serialisable settings: one object per rule, plus the shared baseline and repair settings.

Every default is documented in docs/ruptures.md with its source; a clinic can override any of
them and store the whole configuration as a plain dict (`to_dict` / `from_dict`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar


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

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready values (tuples become lists)."""
        values = {
            k: list(v) if isinstance(v, tuple) else v for k, v in dataclasses.asdict(self).items()
        }
        return {"rule": self.name, **values}


def _positive(owner: object, *names: str) -> list[str]:
    return [
        f"{name} must be above 0, not {getattr(owner, name)!r}"
        for name in names
        if not getattr(owner, name) > 0
    ]


@dataclass(frozen=True)
class VEpisode(RuleConfig):
    """A session k SD_ref or more below the client's baseline (k=2 Stiles 2004, 1 Strauss 2006)."""

    name: ClassVar[str] = "v-episode"
    k: float = 2.0

    def problems(self) -> list[str]:
        return _positive(self, "k")


@dataclass(frozen=True)
class SuddenLoss(RuleConfig):
    """Tang & DeRubeis (1999) sudden-gain criteria mirrored for a session-to-session loss."""

    name: ClassVar[str] = "sudden-loss"
    reliable_change: float | None = None  # None: the instrument's reliable change
    min_fraction: float = 0.25
    critical_t: tuple[float, float, float] = (2.776, 3.182, 4.303)  # 0, 1, 2 of 6 sessions missing

    def problems(self) -> list[str]:
        found = [] if self.reliable_change is None else _positive(self, "reliable_change")
        if len(self.critical_t) != 3:
            found.append("critical_t needs three values (none, one, two sessions missing)")
        return found + _positive(self, "min_fraction")


@dataclass(frozen=True)
class BelowFlag(RuleConfig):
    """A score under the instrument's flag, or less than perfect after a run of perfect scores."""

    name: ClassVar[str] = "below-flag"
    cutoff: float | None = None  # None: the instrument's cutoff
    comparator: str = "below"  # or "at-or-below"
    perfect: float | None = None  # None: the top of the instrument's scale
    perfect_run: int = 3  # 0 switches the perfect-run trigger off

    def problems(self) -> list[str]:
        found = (
            []
            if self.comparator in ("below", "at-or-below")
            else [f"comparator must be 'below' or 'at-or-below', not {self.comparator!r}"]
        )
        if self.perfect_run < 0:
            found.append(f"perfect_run must be 0 or more, not {self.perfect_run!r}")
        return found


@dataclass(frozen=True)
class ClientReported(RuleConfig):
    """The client's own post-session answer that something felt off."""

    name: ClassVar[str] = "client-reported"
    min_level: int = 1  # 1: 'a little' or more; 2: only 'yes, clearly'
    corroborate_k: float | None = None  # reports under alone_level need a drop of this many SD_ref
    alone_level: int = 2  # reports at or above this level need no corroboration (unless clear_k)
    clear_k: float | None = None  # ... or, when set, a drop of this many SD_ref
    corroborate_with: str = "drop"  # or "signs": the evidence of all the signs (signs.py)

    def problems(self) -> list[str]:
        found = _positive(self, "min_level", "alone_level")
        for name in ("corroborate_k", "clear_k"):
            found += [] if getattr(self, name) is None else _positive(self, name)
        if self.corroborate_with not in ("drop", "signs"):
            found.append(
                f"corroborate_with must be 'drop' or 'signs', not {self.corroborate_with!r}"
            )
        return found

    def drop_ks(self) -> list[float]:
        """The score drops (in SD_ref) this rule asks of a report before it counts."""
        if self.corroborate_with == "signs":
            return []  # its thresholds weigh the signs together, not the drop
        return [k for k in (self.corroborate_k, self.clear_k) if k is not None]


@dataclass(frozen=True)
class TherapistGap(RuleConfig):
    """The therapist rates the session at least `gap` points higher than the client does."""

    name: ClassVar[str] = "therapist-gap"
    gap: float = 2.0

    def problems(self) -> list[str]:
        return _positive(self, "gap")


@dataclass(frozen=True)
class DimensionDrop(RuleConfig):
    """One dimension k SD_ref below its own baseline while the others stay within hold_k SD_ref."""

    name: ClassVar[str] = "dimension-drop"
    k: float = 2.0
    hold_k: float = 1.0
    report_level: int = 0  # above 0: the client must also report at least this level (item 8)

    def problems(self) -> list[str]:
        found = (
            []
            if self.report_level >= 0
            else [f"report_level must be 0 or more, not {self.report_level!r}"]
        )
        return found + _positive(self, "k", "hold_k")


@dataclass(frozen=True)
class ConvergingSigns(RuleConfig):
    """The alliance below its baseline with evidence of k SD_ref: its drop, or its drop with the
    other signs (one dimension falling beyond the others, the therapist rating above the client)."""

    name: ClassVar[str] = "converging-signs"
    k: float = 4.0

    def problems(self) -> list[str]:
        return _positive(self, "k")


RULES: dict[str, type[RuleConfig]] = {
    cls.name: cls
    for cls in (
        VEpisode,
        SuddenLoss,
        BelowFlag,
        ClientReported,
        TherapistGap,
        DimensionDrop,
        ConvergingSigns,
    )
}


@dataclass(frozen=True)
class BaselineConfig:
    """How the client's own level and the reference SD are estimated."""

    min_earlier: int = 3  # earlier sessions needed before a baseline exists
    within_sd: str = "earlier"  # "earlier": SD of the sessions before; "all": the whole series
    between_sd: float | None = None  # a fixed value (e.g. a clinic norm); None: estimate it
    between_method: str = "pooled"  # "pooled": the sample's pooled within-client SD; "total": the
    # SD of every session score (includes the differences between clients' levels)

    def __post_init__(self) -> None:
        if self.min_earlier < 2:
            raise ConfigError(f"baseline: min_earlier must be 2 or more, not {self.min_earlier!r}")
        if self.within_sd not in ("earlier", "all"):
            raise ConfigError(
                f"baseline: within_sd must be 'earlier' or 'all', not {self.within_sd!r}"
            )
        if self.between_method not in ("pooled", "total"):
            raise ConfigError(
                f"baseline: between_method must be 'pooled' or 'total', not {self.between_method!r}"
            )
        if self.between_sd is not None and not self.between_sd >= 0:
            raise ConfigError(f"baseline: between_sd must be 0 or more, not {self.between_sd!r}")


@dataclass(frozen=True)
class RepairConfig:
    """When an episode counts as repaired, and how long a decline may last."""

    window: int = 3  # sessions after the lowest one in which the score must come back
    tolerance_sd: float | None = None  # None: 0.5 * k of the detector's score rule (k=2 -> 1.0)
    max_decline: int = 6  # Gumz et al. 2012: declines lasted up to six sessions
    hold: int = 0  # sessions after the return that must stay above the line too (0: any return)

    def __post_init__(self) -> None:
        for name in ("window", "max_decline"):
            if getattr(self, name) < 1:
                raise ConfigError(f"repair: {name} must be 1 or more, not {getattr(self, name)!r}")
        if self.hold < 0:
            raise ConfigError(f"repair: hold must be 0 or more, not {self.hold!r}")
        if self.tolerance_sd is not None and self.tolerance_sd < 0:
            raise ConfigError(f"repair: tolerance_sd must be 0 or more, not {self.tolerance_sd!r}")
