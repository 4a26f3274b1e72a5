"""Means with their intervals, grouped (one group per part of the alliance, one row per who):
an axis fitted to the numbers, whole-number ticks, names in a column of their own.

Drawn wide, or narrow for a phone (280 units shown about 1:1, a shorter name column), so its
words stay 11 px or more where a 360-unit picture would shrink them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from alliance.web.formats.numbers import shown_decimal

from .boxes import EM_PER_CHARACTER, text_box, wrap
from .legend import Entry
from .shapes import marker
from .svg import Label, for_screens, svg_opening

RIGHT, TOP = 14, 6
HEADING, ROW, AXIS = 18, 20, 44
LABEL_LINE = 14  # from one line of the axis's name to the next, when it takes two
SIZE = 12


@dataclass(frozen=True)
class Frame:
    """The picture's width in SVG units and the column its names take."""

    name: str
    width: float
    name_column: float
    name_characters: int  # a longer name is cut, with the whole of it in the row's title


WIDE = Frame("wide", 360, 132, 17)
NARROW = Frame("narrow", 280, 104, 12)
WIDTH, NAME_COLUMN, NAME_CHARACTERS = WIDE.width, WIDE.name_column, WIDE.name_characters
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
    def __init__(self, groups: list[Group], frame: Frame, x_label: str):
        self.groups, self.frame = groups, frame
        self.low, self.high = axis_range(groups)
        rows = sum(len(g.rows) for g in groups)
        self.base = TOP + HEADING * len(groups) + ROW * rows + 4
        self.x_label = wrap(x_label, int(frame.width / (SIZE * EM_PER_CHARACTER)))
        self.height = self.base + AXIS + LABEL_LINE * (len(self.x_label) - 1)

    def x(self, value: float) -> float:
        column = self.frame.name_column
        span = self.frame.width - RIGHT - column - 16
        return round(column + 8 + (value - self.low) / (self.high - self.low) * span, 1)

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


def interval_labels(groups: list[Group], x_label: str, frame: Frame = WIDE) -> list[Label]:
    layout = _Layout(groups, frame, x_label)
    found = [
        Label(
            _short(text, frame.name_characters),
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
    bottom = layout.height - 8 - LABEL_LINE * (len(layout.x_label) - 1)
    found += [
        Label(line, _label_x(line, frame), bottom + LABEL_LINE * n, SIZE, "middle", "label")
        for n, line in enumerate(layout.x_label)
    ]
    return found


def _label_x(x_label: str, frame: Frame) -> float:
    """Under the plot, or as far towards it as the picture lets the whole label stay inside."""
    half = text_box(0, 0, x_label, SIZE, "middle").right
    return min((frame.name_column + frame.width) / 2, max(frame.width - half, frame.width / 2))


def _short(name: str, most: int) -> str:
    return name if len(name) <= most else name[: most - 1] + "…"


def render_intervals(
    groups: list[Group],
    *,
    title: str,
    desc: str,
    x_label: str,
    chart_id: str,
    frame: Frame = WIDE,
    css: str = "",
) -> SafeString:
    layout = _Layout(groups, frame, x_label)
    parts = [
        *svg_opening(
            f"chart intervals {css}".strip(),
            f"{frame.width:g}",
            layout.height,
            chart_id=chart_id,
            title=title,
            desc=desc,
        ),
        *[_grid(layout, v) for v in layout.ticks()],
        format_html(
            '<path d="M{},{}H{}" stroke="#1b1f24" fill="none"/>',
            layout.x(layout.low),
            layout.base,
            layout.x(layout.high),
        ),
        *[_interval(layout, y, row) for _, y, row in layout.rows() if row is not None],
        *[_text(label) for label in interval_labels(groups, x_label, frame)],
        "</svg>",
    ]
    return mark_safe("".join(str(part) for part in parts))  # every piece above is escaped


def intervals_for_screens(
    groups: list[Group], *, title: str, desc: str, x_label: str, chart_id: str
) -> SafeString:
    """The chart wide and narrow; the stylesheet shows the one that fits."""
    draw = partial(render_intervals, groups, title=title, desc=desc, x_label=x_label)
    return for_screens(draw, WIDE, NARROW, chart_id=chart_id)


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
            shown_decimal(row.mean),
            shown_decimal(row.low),
            shown_decimal(row.high),
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
