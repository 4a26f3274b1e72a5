"""The repair strategies and rupture kinds, read from strategies.toml (data, not templates), in
the active language where the file has it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

SOURCE = Path(__file__).with_name("strategies.toml")


@dataclass(frozen=True)
class Strategy:
    id: str
    name: str
    fits: tuple[str, ...]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Kind:
    id: str
    name: str
    markers: tuple[str, ...]


@cache
def _data() -> dict:
    return tomllib.loads(SOURCE.read_text(encoding="utf-8"))


def _worded(entry: dict) -> dict:
    """The entry with its words in the active language, when the file gives them."""
    language = (get_language() or "en").split("-")[0]
    return {**entry, **entry.get(language, {})}


def strategies() -> list[Strategy]:
    """Every strategy, in the file's order."""
    return [
        Strategy(s["id"], s["name"], tuple(s["fits"]), tuple(s["questions"]))
        for s in map(_worded, _data()["strategies"])
    ]


def kinds() -> list[Kind]:
    """The two kinds of rupture with their markers."""
    return [Kind(k["id"], k["name"], tuple(k["markers"])) for k in map(_worded, _data()["kinds"])]


def strategies_for(dimensions: list[str]) -> list[Strategy]:
    """Strategies that suit the dimensions that fell first, then the rest."""
    every = strategies()
    chosen = set(dimensions)
    return sorted(every, key=lambda s: not chosen.intersection(s.fits))


def used_names(ids: list[str]) -> list[str]:
    """The names of the strategies with these ids, in the table's order."""
    return [s.name for s in strategies() if s.id in ids]
