"""Ruptures and repairs on a chart: a rupture's span hatched and outlined (so it never reads as
one more shaded band), a repair as a solid bar at its session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import format_html

from .palette import REPAIR, rupture_colour


@dataclass
class Mark:
    """A span of sessions (or one session) marked on the chart, explained by its title."""

    x0: float
    x1: float
    label: str
    css: str


def is_rupture(mark: Mark) -> bool:
    return "rupture" in mark.css.split()


def rupture_kind(mark: Mark) -> str:
    kinds = [name for name in mark.css.split() if name != "rupture"]
    return kinds[0] if kinds else "open"


def hatch_patterns(marks: list[Mark], chart_id: str) -> list[str]:
    """One diagonal hatch per kind of rupture the chart marks, named after the chart."""
    kinds = sorted({rupture_kind(m) for m in marks if is_rupture(m)})
    if not kinds:
        return []
    patterns = "".join(
        str(
            format_html(
                '<pattern id="{}-hatch-{}" patternUnits="userSpaceOnUse" width="6" height="6" '
                'patternTransform="rotate(45)"><path d="M0,0V6" stroke="{}" stroke-width="2" '
                'stroke-opacity="0.55"/></pattern>',
                chart_id,
                kind,
                rupture_colour(kind),
            )
        )
        for kind in kinds
    )
    return [f"<defs>{patterns}</defs>"]


def render_marks(
    marks: list[Mark], x: Callable[[float], float], top: float, base: float, chart_id: str
) -> list[str]:
    """The marks between the plot's top and base, placed along it by x."""
    return [
        _rupture_span(m, x, top, base, chart_id) if is_rupture(m) else _session_bar(m, x, top, base)
        for m in marks
    ]


def _rupture_span(
    mark: Mark, x: Callable[[float], float], top: float, base: float, chart_id: str
) -> str:
    left, right = x(mark.x0), x(mark.x1)
    width = max(right - left, 10.0)
    kind = rupture_kind(mark)
    return str(
        format_html(
            '<rect class="episode {}" x="{}" y="{}" width="{}" height="{}" fill="url(#{}-hatch-{})"'
            ' stroke="{}" stroke-width="1.2" stroke-dasharray="3 2"><title>{}</title></rect>',
            mark.css,
            round((left + right - width) / 2, 1),
            top + 1,
            round(width, 1),
            base - top - 2,
            chart_id,
            kind,
            rupture_colour(kind),
            mark.label,
        )
    )


def _session_bar(mark: Mark, x: Callable[[float], float], top: float, base: float) -> str:
    """A repair (or another one-session event): a solid upright bar at that session."""
    return str(
        format_html(
            '<rect class="mark {}" x="{}" y="{}" width="3" height="{}" fill="{}">'
            "<title>{}</title></rect>",
            mark.css,
            round(x(mark.x0) - 1.5, 1),
            top,
            base - top,
            REPAIR,
            mark.label,
        )
    )
