"""Means with their intervals, grouped (one group per part of the alliance, one row per who):
an axis fitted to the numbers, whole-number ticks, names in a column of their own."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .legend import Entry
from .shapes import marker
from .svg import Label, svg_opening

WIDTH = 360
NAME_COLUMN, RIGHT, TOP = 132, 14, 6
HEADING, ROW, AXIS = 18, 20, 44
SIZE = 12
NAME_CHARACTERS = 17  # a longer name is cut, with the whole of it in the row's title
LOOKS = {"mine": ("#0b5cad", "circle", False), "clinic": ("#555d66", "diamond", True)}


@dataclass(frozen=True)
class Interval:
    name: str
    mean: float
    low: float
    high: float
    who: str  # "mine" or "clinic"


@dataclass(frozen=True)
class Group:
    heading: str
    rows: list[Interval]


def axis_range(groups: list[Group], floor: float = 0, ceiling: float = 10) -> tuple[int, int]:
    """Whole numbers just outside every interval, at least two apart, inside the scale."""
    values = [v for g in groups for r in g.rows for v in (r.low, r.high, r.mean)]
    low = max(floor, math.floor(min(values)))
    high = min(ceiling, math.ceil(max(values)))
    while high - low < 2:  # widen both ways, as far as the scale allows
        high = min(ceiling, high + 1)
        if high - low < 2:
            low = max(floor, low - 1)
    return int(low), int(high)


class _Layout:
    def __init__(self, groups: list[Group]):
        self.groups = groups
        self.low, self.high = axis_range(groups)
        rows = sum(len(g.rows) for g in groups)
        self.base = TOP + HEADING * len(groups) + ROW * rows + 4
        self.height = self.base + AXIS

    def x(self, value: float) -> float:
        span = WIDTH - RIGHT - NAME_COLUMN - 16
        return round(NAME_COLUMN + 8 + (value - self.low) / (self.high - self.low) * span, 1)

    def rows(self) -> list[tuple[str, float, Interval | None]]:
        """(heading or name, baseline y, the interval or None for a heading) from the top."""
        found, y = [], float(TOP)
        for group in self.groups:
            found.append((group.heading, y + 13, None))
            y += HEADING
            for row in group.rows:
                found.append((row.name, y + 14, row))
                y += ROW
        return found

    def ticks(self) -> list[int]:
        step = 1 if self.high - self.low <= 6 else 2
        return list(range(self.low, self.high + 1, step))


def interval_labels(groups: list[Group], x_label: str) -> list[Label]:
    layout = _Layout(groups)
    found = [
        Label(
            _short(text),
            4 if row is None else 14,
            y,
            SIZE,
            "start",
            "heading" if row is None else "name",
        )
        for text, y, row in layout.rows()
    ]
    found += [
        Label(str(v), layout.x(v), layout.base + 16, SIZE, "middle", "tick") for v in layout.ticks()
    ]
    found.append(
        Label(x_label, (NAME_COLUMN + WIDTH) / 2, layout.height - 8, SIZE, "middle", "label")
    )
    return found


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARACTERS else name[: NAME_CHARACTERS - 1] + "…"


def render_intervals(
    groups: list[Group], *, title: str, desc: str, x_label: str, chart_id: str
) -> SafeString:
    layout = _Layout(groups)
    parts = [
        *svg_opening(
            "chart intervals", WIDTH, layout.height, chart_id=chart_id, title=title, desc=desc
        ),
        *[_grid(layout, v) for v in layout.ticks()],
        format_html(
            '<path d="M{},{}H{}" stroke="#1b1f24" fill="none"/>',
            layout.x(layout.low),
            layout.base,
            layout.x(layout.high),
        ),
        *[_interval(layout, y, row) for _, y, row in layout.rows() if row is not None],
        *[_text(label) for label in interval_labels(groups, x_label)],
        "</svg>",
    ]
    return mark_safe("".join(str(part) for part in parts))  # every piece above is escaped


def _grid(layout: _Layout, value: int) -> str:
    return str(
        format_html(
            '<path d="M{},{}V{}" stroke="#e2e5e9" fill="none"/>',
            layout.x(value),
            TOP,
            layout.base,
        )
    )


def _interval(layout: _Layout, baseline: float, row: Interval) -> str:
    colour, shape, hollow = LOOKS[row.who]
    y = baseline - 4
    dot = marker(shape, layout.x(row.mean), y)
    return str(
        format_html(
            '<g class="interval {}"><title>{}: {} ({} to {})</title>'
            '<path d="M{},{}H{}M{},{}v8M{},{}v8" stroke="{}" stroke-width="2" fill="none"/>'
            '<g fill="{}" stroke="{}" stroke-width="1.5">{}</g></g>',
            row.who,
            row.name,
            f"{row.mean:.1f}",
            f"{row.low:.1f}",
            f"{row.high:.1f}",
            layout.x(row.low),
            y,
            layout.x(row.high),
            layout.x(row.low),
            y - 4,
            layout.x(row.high),
            y - 4,
            colour,
            "#fff" if hollow else colour,
            colour if hollow else "none",
            mark_safe(dot),
        )
    )


def _text(label: Label) -> str:
    weight = ' font-weight="bold"' if label.css == "heading" else ""
    return str(
        format_html(
            '<text class="{}" x="{}" y="{}" font-size="{}" text-anchor="{}" fill="#1b1f24"{}>'
            "{}</text>",
            label.css,
            label.x,
            label.y,
            label.size,
            label.anchor,
            mark_safe(weight),
            label.text,
        )
    )


def interval_entries(names: dict[str, str]) -> list[Entry]:
    """Legend entries for each who ({"mine": "Theo Smith", "clinic": "The whole clinic"})."""
    found = []
    for who, name in names.items():
        colour, shape, hollow = LOOKS[who]
        key = format_html(
            '<path d="M3,6H25M3,2v8M25,2v8" stroke="{}" stroke-width="2" fill="none"/>'
            '<g fill="{}" stroke="{}" stroke-width="1.5">{}</g>',
            colour,
            "#fff" if hollow else colour,
            colour if hollow else "none",
            mark_safe(marker(shape, 14, 6)),
        )
        words = _("%(name)s: mean, bar from end to end the 95%% interval") % {"name": name}
        found.append(Entry(words, str(key)))
    return found
