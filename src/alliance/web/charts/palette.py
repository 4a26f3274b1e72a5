"""How each kind of mark looks, as SVG presentation attributes.

The attributes travel with the SVG, so a chart looks the same on the page, in a PDF renderer that
ignores the page's stylesheet, and in its legend key."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Look:
    colour: str
    dash: str = ""  # stroke-dasharray; empty for a solid line
    width: float = 2.0
    hollow: bool = False  # markers drawn as outlines, told apart from filled ones without colour


LINES = {
    "goal": Look("#0b5cad"),
    "task": Look("#b04a00", "6 3"),
    "bond": Look("#287a3e", "2 3"),
    "client": Look("#0b5cad"),
    "therapist": Look("#9a3f00", "6 3", hollow=True),
    "outcome": Look("#1b1f24"),
    "expected": Look("#1f5fa8", "6 3", 1.5),
    "expected-edge": Look("#1f5fa8", "2 3", 1.0),
}
DEFAULT_LINE = Look("#1b1f24")
# Rupture spans are hatched and outlined, so they never read as one more outcome band.
RUPTURE_HATCH = {
    "unrepaired": "#a4001d",
    "open": "#8a5300",
    "repaired": "#555d66",
}
REPAIR = "#287a3e"
CUTOFF = Look("#a4001d", "4 2", 1.5)
BAND_FILLS = ("#f3f7f3", "#eaf1ea", "#fbf3e6", "#f8e6dc", "#f4d9d9")  # as in the stylesheet


def line_look(css: str) -> Look:
    """The look of a series, found by the first of its classes that has one."""
    for name in css.split():
        if name in LINES:
            return LINES[name]
    return DEFAULT_LINE


def band_fill(index: int) -> str:
    return BAND_FILLS[min(index, len(BAND_FILLS) - 1)]


def rupture_colour(css: str) -> str:
    for name in css.split():
        if name in RUPTURE_HATCH:
            return RUPTURE_HATCH[name]
    return RUPTURE_HATCH["open"]
