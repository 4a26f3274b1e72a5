"""A small line chart in SVG: lines per series, shaded bands, a cutoff line, labelled axes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 360, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 40


@dataclass
class Series:
    name: str
    css: str
    points: list[tuple[float, float | None]]


@dataclass
class Band:
    low: float
    high: float
    name: str


@dataclass
class Mark:
    """A span of sessions (or one session) marked on the chart, explained by its title."""

    x0: float
    x1: float
    label: str
    css: str


@dataclass
class Chart:
    title: str
    desc: str
    x_label: str
    y_label: str
    y_range: tuple[float, float]
    series: list[Series]
    bands: list[Band] = field(default_factory=list)
    cutoff: float | None = None
    x_range: tuple[float, float] | None = None
    marks: list[Mark] = field(default_factory=list)

    def x_bounds(self) -> tuple[float, float]:
        if self.x_range:
            return self.x_range
        xs = [x for s in self.series for x, y in s.points if y is not None] or [1.0]
        return min(xs), max(max(xs), min(xs) + 1)


class _Scale:
    def __init__(self, chart: Chart):
        self.x0, self.x1 = chart.x_bounds()
        self.y0, self.y1 = chart.y_range

    def x(self, value: float) -> float:
        return round(LEFT + (value - self.x0) / (self.x1 - self.x0) * (WIDTH - LEFT - RIGHT), 1)

    def y(self, value: float) -> float:
        span = HEIGHT - TOP - BOTTOM
        return round(TOP + (self.y1 - value) / (self.y1 - self.y0) * span, 1)


def render(chart: Chart, *, chart_id: str) -> SafeString:
    """The chart as an inline <svg> with <title> and <desc>, named by aria-labelledby."""
    scale = _Scale(chart)
    parts = [
        format_html('<svg class="chart" viewBox="0 0 {} {}" role="img" '
                    'aria-labelledby="{}-title {}-desc">', WIDTH, HEIGHT, chart_id, chart_id),
        format_html('<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
                    chart_id, chart.title, chart_id, chart.desc),
        *_bands(chart, scale), *_marks(chart, scale), *_axes(chart, scale), *_cutoff(chart, scale),
        *[_line(series, scale) for series in chart.series],
        "</svg>",
    ]
    return mark_safe("".join(str(part) for part in parts))  # every piece above is escaped


def _bands(chart: Chart, scale: _Scale) -> list[str]:
    found = []
    for n, band in enumerate(chart.bands):
        top, bottom = scale.y(min(band.high, scale.y1)), scale.y(max(band.low, scale.y0))
        found.append(format_html(
            '<rect class="band band-{}" x="{}" y="{}" width="{}" height="{}">'
            '<title>{}</title></rect>',
            n, LEFT, top, WIDTH - LEFT - RIGHT, round(bottom - top, 1), band.name))
    return found


def _marks(chart: Chart, scale: _Scale) -> list[str]:
    found = []
    for mark in chart.marks:
        left, right = scale.x(mark.x0), scale.x(mark.x1)
        width = max(right - left, 6.0)
        found.append(format_html(
            '<rect class="mark {}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
            mark.css, round((left + right - width) / 2, 1), TOP, round(width, 1),
            HEIGHT - TOP - BOTTOM, mark.label))
    return found


def _axes(chart: Chart, scale: _Scale) -> list[str]:
    base, right = HEIGHT - BOTTOM, WIDTH - RIGHT
    found = [format_html('<path class="axis" d="M{},{}V{}H{}"/>', LEFT, TOP, base, right)]
    for value in _ticks(scale.y0, scale.y1, 5):
        found.append(format_html('<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>',
                                 LEFT - 4, scale.y(value) + 4, f"{value:g}"))
    for value in _ticks(scale.x0, scale.x1, 8):
        found.append(format_html('<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>',
                                 scale.x(value), base + 14, f"{value:g}"))
    found.append(format_html('<text class="label" x="{}" y="{}" text-anchor="middle">{}</text>',
                             (LEFT + right) / 2, HEIGHT - 6, chart.x_label))
    found.append(format_html('<text class="label" x="12" y="{}" text-anchor="middle" '
                             'transform="rotate(-90 12 {})">{}</text>',
                             (TOP + base) / 2, (TOP + base) / 2, chart.y_label))
    return found


def _ticks(low: float, high: float, most: int) -> list[float]:
    step = max(1, math.ceil((high - low) / most))
    start = math.ceil(low)
    return [float(v) for v in range(start, int(math.floor(high)) + 1, step)]


def _cutoff(chart: Chart, scale: _Scale) -> list[str]:
    if chart.cutoff is None:
        return []
    y = scale.y(chart.cutoff)
    return [format_html('<path class="cutoff" d="M{},{}H{}"><title>Cutoff {}</title></path>',
                        LEFT, y, WIDTH - RIGHT, f"{chart.cutoff:g}")]


def _line(series: Series, scale: _Scale) -> str:
    segments, current = [], []
    for x, y in series.points:
        if y is None:
            segments, current = segments + [current] if current else segments, []
            continue
        current.append(f"{scale.x(x)},{scale.y(y)}")
    if current:
        segments.append(current)
    path = " ".join("M" + " L".join(segment) for segment in segments)
    dots = "".join(
        str(format_html('<circle cx="{}" cy="{}" r="2.5"/>', scale.x(x), scale.y(y)))
        for x, y in series.points if y is not None)
    return str(format_html('<g class="series {}"><title>{}</title><path class="line" d="{}"/>',
                           series.css, series.name, path)) + dots + "</g>"


def legend(series: list[Series]) -> SafeString:
    """A text legend naming each line's style, for sighted readers."""
    items = "".join(str(format_html('<li><span class="key {}" aria-hidden="true"></span>{}</li>',
                                    s.css, s.name)) for s in series)
    return mark_safe(f'<ul class="legend">{items}</ul>') if items else mark_safe("")


__all__ = ["Band", "Chart", "Mark", "Series", "legend", "render"]
