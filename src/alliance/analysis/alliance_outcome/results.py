"""Result objects of the alliance-outcome model: estimates with intervals and a plain reading."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Estimate:
    """One coefficient: next-session outcome points per alliance point, with its interval."""

    name: str
    estimate: float
    ci_low: float
    ci_high: float
    n_clients: int
    n_sessions: int

    @property
    def clear(self) -> bool:
        """True when the interval leaves out zero."""
        return self.ci_low > 0 or self.ci_high < 0

    def as_dict(self) -> dict[str, float]:
        return {"estimate": self.estimate, "ci_low": self.ci_low, "ci_high": self.ci_high}


@dataclass(frozen=True)
class AllianceEffect:
    """The within-client and between-client effects of one alliance score (total or a dimension)."""

    scale: str
    within: Estimate
    between: Estimate

    def reading(self) -> str:
        """What the two effects mean, in words (higher outcome is worse)."""
        return (
            f"{_within_words(self.scale, self.within)} {_between_words(self.scale, self.between)}"
        )


def _within_words(scale: str, e: Estimate) -> str:
    text = (
        f"When a client rates the {scale} 1 point above their own usual level, their next "
        f"session's outcome score is {abs(e.estimate):.2f} points "
        f"{'lower, that is better' if e.estimate < 0 else 'higher, that is worse'} "
        f"(95% CI {e.ci_low:.2f} to {e.ci_high:.2f}"
    )
    return text + (")." if e.clear else "; the interval includes no effect).")


def _between_words(scale: str, e: Estimate) -> str:
    text = (
        f"Clients whose usual {scale} is 1 point higher than other clients' have next-session "
        f"scores {abs(e.estimate):.2f} points {'lower' if e.estimate < 0 else 'higher'} at the "
        f"same session number (95% CI {e.ci_low:.2f} to {e.ci_high:.2f}"
    )
    return text + (")." if e.clear else "; the interval includes no difference).")


def effects_frame(effects: dict[str, AllianceEffect]) -> pd.DataFrame:
    rows = []
    for scale, effect in effects.items():
        for part in (effect.within, effect.between):
            rows.append(
                {
                    "scale": scale,
                    "part": part.name,
                    "estimate": part.estimate,
                    "ci_low": part.ci_low,
                    "ci_high": part.ci_high,
                    "n_clients": part.n_clients,
                    "n_sessions": part.n_sessions,
                }
            )
    return pd.DataFrame(rows)
