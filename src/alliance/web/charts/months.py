"""A line chart over calendar months: one point a month per line, a month without data left as
a gap, and a month that rests on few answers drawn hollow, so it is not read like a full one.

Drawn wide, or narrow for a phone (280 units shown about 1:1, fewer month names), so its words
stay 11 px or more where a 400-unit picture would shrink them."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from functools import partial

from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from alliance.web.formats.numbers import shown_number

from .boxes import EM_PER_CHARACTER, Box
from .legend import Entry, none_yet
from .palette import line_look
from .shapes import dash_attribute, marker
from .svg import Frame, Label, for_screens, label_text, svg_opening

WIDTH, HEIGHT = 400, 230
WIDE, NARROW = Frame("wide", WIDTH, HEIGHT), Frame("narrow", 280, HEIGHT)
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 10, 40
INSET = 8  # pixels between the scale's ends and the plot's edges, so no marker is cut
SIZE = 12
TICK_GAP = 6  # pixels kept free between two month names


@dataclass(frozen=True)
class MonthLine:
    name: str
    look: str  # a line of the palette: "goal", "task", "bond", "outcome", ...
    values: list[float | None]  # one a month of the chart, None where the month has none
    marker: str = "circle"


@dataclass
class MonthChart:
    title: str
    desc: str
    y_label: str
    y_range: tuple[float, float]
    months: list[dt.date]  # the first day of each month shown, in order
    lines: list[MonthLine]
    few: list[bool] = field(default_factory=list)  # months resting on few answers
    few_words: str = field(default_factory=lambda: _("a month resting on few answers"))

    def is_few(self, index: int) -> bool:
        return index < len(self.few) and self.few[index]


class _Scale:
    def __init__(self, chart: MonthChart, frame: Frame = WIDE):
        self.count = max(len(chart.months), 1)
        self.y0, self.y1 = chart.y_range
        self.base = HEIGHT - BOTTOM
        self.right = frame.width - RIGHT

    def x(self, index: int) -> float:
        return round(LEFT + (index + 0.5) / self.count * (self.right - LEFT), 1)

    def y(self, value: float) -> float:
        span = self.base - TOP - 2 * INSET
        return round(TOP + INSET + (self.y1 - value) / (self.y1 - self.y0) * span, 1)


def even_ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round steps from low to high, at most `most` of them, both ends included."""
    span = high - low
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100) if span / s < most), span)
    found = [low + step * n for n in range(math.floor(span / step) + 1)]
    if high - found[-1] >= step / 2:
        found.append(high)
    elif found[-1] != high:
        found[-1] = high
    return found


def labels(chart: MonthChart, frame: Frame = WIDE) -> list[Label]:
    """Every word on the chart: the scale's ticks, as many month names as fit, the year under
    the first month shown and under each January, and the scale's name."""
    scale = _Scale(chart, frame)
    found = [
        Label(shown_number(v), LEFT - 5, round(scale.y(v) + 4, 1), SIZE, "end", "tick")
        for v in even_ticks(*chart.y_range)
    ]
    found += _month_labels(chart, scale)
    found.append(
        Label(chart.y_label, 14, _scale_name_middle(chart, scale), SIZE, "middle", "label", True)
    )
    return found


def _scale_name_middle(chart: MonthChart, scale: _Scale) -> float:
    """Where the scale's name up the left edge is centred: beside the plot, or lower when it is
    longer than the plot is high (as in some languages), into the free corner under the axis."""
    half = len(chart.y_label) * SIZE * EM_PER_CHARACTER / 2 + 2
    return min(max((TOP + scale.base) / 2, half), HEIGHT - half)


def _month_labels(chart: MonthChart, scale: _Scale) -> list[Label]:
    shown = _every(len(chart.months), scale.right - LEFT)
    names, years = [], []
    for index in range(0, len(chart.months), shown):
        month, x = chart.months[index], scale.x(index)
        names.append(Label(date_format(month, "M"), x, scale.base + 15, SIZE, "middle", "tick"))
        year = Label(str(month.year), x, scale.base + 30, SIZE, "middle", "tick")
        if (not years or month.month <= shown) and not _touches(year.box, years):
            years.append(year)
    return names + years


def _every(count: int, plot_width: float) -> int:
    """Every how many months a name fits: three letters and a gap per name."""
    room = plot_width / max(count, 1)
    return max(1, math.ceil((3 * SIZE * 0.6 + TICK_GAP) / room))


def _touches(box: Box, others: list[Label]) -> bool:
    return any(
        box.left - TICK_GAP < o.box.right and o.box.left < box.right + TICK_GAP for o in others
    )


def render_months(
    chart: MonthChart, *, chart_id: str, frame: Frame = WIDE, css: str = ""
) -> SafeString:
    """The chart as an inline <svg> with <title> and <desc>, named by aria-labelledby."""
    scale = _Scale(chart, frame)
    parts = [
        *svg_opening(
            f"chart months {css}".strip(),
            f"{frame.width:g}",
            HEIGHT,
            chart_id=chart_id,
            title=chart.title,
            desc=chart.desc,
        ),
        *[_grid(scale, v) for v in even_ticks(*chart.y_range)],
        format_html(
            '<path class="axis" d="M{},{}V{}H{}" fill="none" stroke="#1b1f24"/>',
            LEFT,
            TOP,
            scale.base,
            scale.right,
        ),
        *[_line(chart, line, scale) for line in chart.lines],
        *[label_text(label) for label in labels(chart, frame)],
        "</svg>",
    ]
    return mark_safe("".join(str(part) for part in parts))  # every piece above is escaped


def months_for_screens(chart: MonthChart, *, chart_id: str) -> SafeString:
    """The chart wide and narrow; the stylesheet shows the one that fits."""
    return for_screens(partial(render_months, chart), WIDE, NARROW, chart_id=chart_id)


def _grid(scale: _Scale, value: float) -> str:
    return str(
        format_html(
            '<path d="M{},{}H{}" stroke="#e2e5e9" fill="none"/>',
            LEFT,
            scale.y(value),
            scale.right,
        )
    )


def _line(chart: MonthChart, line: MonthLine, scale: _Scale) -> str:
    look = line_look(line.look)
    segments: list[list[str]] = [[]]
    dots = []
    for index, value in enumerate(line.values):
        if value is None:
            segments.append([])
            continue
        x, y = scale.x(index), scale.y(value)
        segments[-1].append(f"{x},{y}")
        dots.append(_dot(line.marker, x, y, look.colour, hollow=chart.is_few(index)))
    path = " ".join("M" + " L".join(s) for s in segments if s)
    return str(
        format_html(
            '<g class="trend"><title>{}</title>'
            '<path d="{}" fill="none" stroke="{}" stroke-width="{}"{}/>{}</g>',
            line.name,
            path,
            look.colour,
            look.width,
            dash_attribute(look.dash),
            mark_safe("".join(dots)),
        )
    )


def _dot(shape: str, x: float, y: float, colour: str, *, hollow: bool) -> str:
    fill, outline = ("#fff", colour) if hollow else (colour, "none")
    return str(
        format_html(
            '<g fill="{}" stroke="{}" stroke-width="1.5">{}</g>',
            fill,
            outline,
            mark_safe(marker(shape, x, y)),
        )
    )


def month_entries(chart: MonthChart) -> list[Entry]:
    """The legend: each line as drawn, then the hollow point when some month rests on few."""
    found = []
    for line in chart.lines:
        look = line_look(line.look)
        key = format_html(
            '<path d="M1,6H27" fill="none" stroke="{}" stroke-width="{}"{}/>{}',
            look.colour,
            look.width,
            dash_attribute(look.dash),
            mark_safe(_dot(line.marker, 14, 6, look.colour, hollow=False)),
        )
        drawn = any(v is not None for v in line.values)
        found.append(Entry(line.name if drawn else none_yet(line.name), str(key)))
    if any(chart.is_few(n) for n in range(len(chart.months))):
        key = _dot("circle", 14, 6, "#1b1f24", hollow=True)
        found.append(Entry(_("Hollow point: %(few)s") % {"few": chart.few_words}, key))
    return found
