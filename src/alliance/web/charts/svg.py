"""A small line chart in SVG: lines per series, shaded bands, a cutoff line, labelled axes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 360, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 40
X_PAD = 0.5  # sessions of room at each end, so no point sits on an axis
TIE_GAP = 3.0  # pixels between points of different series that have the same value
MARKERS = ("circle", "square", "triangle", "diamond")


@dataclass
class Series:
    name: str
    css: str
    points: list[tuple[float, float | None]]
    marker: str = "circle"  # one of MARKERS: series of one chart are told apart by shape too


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
    spread_ties: bool = False  # draw equal values of different series a few pixels apart
    empty_text: str = "No ratings yet"

    def x_bounds(self) -> tuple[float, float]:
        if self.x_range:
            return self.x_range
        xs = [x for s in self.series for x, y in s.points if y is not None] or [1.0]
        return min(xs), max(xs)

    @property
    def is_empty(self) -> bool:
        return not any(y is not None for s in self.series for _, y in s.points)


class _Scale:
    def __init__(self, chart: Chart):
        x0, x1 = chart.x_bounds()
        self.x0, self.x1 = x0 - X_PAD, x1 + X_PAD
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
        format_html(
            '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc">',
            WIDTH,
            HEIGHT,
            chart_id,
            chart_id,
        ),
        format_html(
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            chart_id,
            chart.title,
            chart_id,
            chart.desc,
        ),
        *_bands(chart, scale),
        *_marks(chart, scale),
        *_axes(chart, scale),
        *_cutoff(chart, scale),
        *[
            _line(series, scale, offsets)
            for series, offsets in zip(chart.series, _tie_offsets(chart), strict=True)
        ],
        *_empty(chart),
        "</svg>",
    ]
    return mark_safe("".join(str(part) for part in parts))  # every piece above is escaped


def _bands(chart: Chart, scale: _Scale) -> list[str]:
    found = []
    for n, band in enumerate(chart.bands):
        top, bottom = scale.y(min(band.high, scale.y1)), scale.y(max(band.low, scale.y0))
        found.append(
            format_html(
                '<rect class="band band-{}" x="{}" y="{}" width="{}" height="{}">'
                '<title>{}</title></rect><text class="band-name" x="{}" y="{}" text-anchor="end">'
                "{}</text>",
                n,
                LEFT,
                top,
                WIDTH - LEFT - RIGHT,
                round(bottom - top, 1),
                band.name,
                WIDTH - RIGHT - 3,
                round((top + bottom) / 2 + 3, 1),
                band.name,
            )
        )
    return found


def _y_ticks(chart: Chart, scale: _Scale) -> list[float]:
    """The band limits when the chart has bands (so each shade starts at a number), else even
    steps; the top of the scale is always labelled."""
    if chart.bands:
        limits = {band.low for band in chart.bands} | {scale.y0, scale.y1}
        return sorted(v for v in limits if scale.y0 <= v <= scale.y1)
    found = _ticks(scale.y0, scale.y1, 5)
    return found if found and found[-1] == scale.y1 else [*found, scale.y1]


def _marks(chart: Chart, scale: _Scale) -> list[str]:
    found = []
    for mark in chart.marks:
        left, right = scale.x(mark.x0), scale.x(mark.x1)
        width = max(right - left, 6.0)
        found.append(
            format_html(
                '<rect class="mark {}" x="{}" y="{}" width="{}" height="{}">'
                "<title>{}</title></rect>",
                mark.css,
                round((left + right - width) / 2, 1),
                TOP,
                round(width, 1),
                HEIGHT - TOP - BOTTOM,
                mark.label,
            )
        )
    return found


def _axes(chart: Chart, scale: _Scale) -> list[str]:
    base, right = HEIGHT - BOTTOM, WIDTH - RIGHT
    found = [format_html('<path class="axis" d="M{},{}V{}H{}"/>', LEFT, TOP, base, right)]
    for value in _y_ticks(chart, scale):
        found.append(
            format_html(
                '<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>',
                LEFT - 4,
                scale.y(value) + 4,
                f"{value:g}",
            )
        )
    for value in _ticks(scale.x0, scale.x1, 8):
        found.append(
            format_html(
                '<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>',
                scale.x(value),
                base + 14,
                f"{value:g}",
            )
        )
    found.append(
        format_html(
            '<text class="label" x="{}" y="{}" text-anchor="middle">{}</text>',
            (LEFT + right) / 2,
            HEIGHT - 6,
            chart.x_label,
        )
    )
    found.append(
        format_html(
            '<text class="label" x="12" y="{}" text-anchor="middle" '
            'transform="rotate(-90 12 {})">{}</text>',
            (TOP + base) / 2,
            (TOP + base) / 2,
            chart.y_label,
        )
    )
    return found


def _ticks(low: float, high: float, most: int) -> list[float]:
    step = max(1, math.ceil((high - low) / most))
    start = math.ceil(low)
    return [float(v) for v in range(start, int(math.floor(high)) + 1, step)]


def _cutoff(chart: Chart, scale: _Scale) -> list[str]:
    if chart.cutoff is None:
        return []
    y = scale.y(chart.cutoff)
    return [
        format_html(
            '<path class="cutoff" d="M{},{}H{}"><title>Cutoff {}</title></path>',
            LEFT,
            y,
            WIDTH - RIGHT,
            f"{chart.cutoff:g}",
        )
    ]


def _tie_offsets(chart: Chart) -> list[dict[float, float]]:
    """Per series, {x: pixels to move the point by} where several series share one value."""
    offsets: list[dict[float, float]] = [{} for _ in chart.series]
    if not chart.spread_ties:
        return offsets
    sharing: dict[tuple[float, float], list[int]] = {}
    for index, series in enumerate(chart.series):
        for x, y in series.points:
            if y is not None:
                sharing.setdefault((x, y), []).append(index)
    for (x, _), indexes in sharing.items():
        for rank, index in enumerate(indexes):
            offsets[index][x] = round((rank - (len(indexes) - 1) / 2) * TIE_GAP, 1)
    return offsets


def _line(series: Series, scale: _Scale, offsets: dict[float, float]) -> str:
    segments, current, dots = [], [], []
    for x, y in series.points:
        if y is None:
            segments, current = segments + [current] if current else segments, []
            continue
        cx, cy = scale.x(x), round(scale.y(y) + offsets.get(x, 0.0), 1)
        current.append(f"{cx},{cy}")
        dots.append(_marker(series.marker, cx, cy))
    if current:
        segments.append(current)
    path = " ".join("M" + " L".join(segment) for segment in segments)
    return (
        str(
            format_html(
                '<g class="series {}"><title>{}</title><path class="line" d="{}"/>',
                series.css,
                series.name,
                path,
            )
        )
        + "".join(dots)
        + "</g>"
    )


def _marker(shape: str, x: float, y: float) -> str:
    if shape == "square":
        return str(format_html('<rect x="{}" y="{}" width="5" height="5"/>', x - 2.5, y - 2.5))
    if shape in ("triangle", "diamond"):
        corners = (
            [(0, -3.5), (3.2, 2.5), (-3.2, 2.5)]
            if shape == "triangle"
            else [(0, -3.5), (3.5, 0), (0, 3.5), (-3.5, 0)]
        )
        points = " ".join(f"{round(x + dx, 1)},{round(y + dy, 1)}" for dx, dy in corners)
        return str(format_html('<polygon points="{}"/>', points))
    return str(format_html('<circle cx="{}" cy="{}" r="2.5"/>', x, y))


def _empty(chart: Chart) -> list[str]:
    if not chart.is_empty or not chart.empty_text:
        return []
    return [
        format_html(
            '<text class="empty" x="{}" y="{}" text-anchor="middle">{}</text>',
            (LEFT + WIDTH - RIGHT) / 2,
            (TOP + HEIGHT - BOTTOM) / 2,
            chart.empty_text,
        )
    ]


def legend(series: list[Series]) -> SafeString:
    """A text legend naming each line's style, for sighted readers."""
    items = "".join(
        str(
            format_html(
                '<li><span class="key {}" aria-hidden="true"></span>{}{}</li>',
                s.css,
                _legend_marker(s),
                s.name,
            )
        )
        for s in series
    )
    return mark_safe(f'<ul class="legend">{items}</ul>') if items else mark_safe("")


def _legend_marker(series: Series) -> SafeString:
    shape = mark_safe(_marker(series.marker, 5, 5))  # built from numbers only
    return format_html(
        '<svg class="key-marker {}" viewBox="0 0 10 10" aria-hidden="true">{}</svg>',
        series.css,
        shape,
    )


__all__ = ["MARKERS", "Band", "Chart", "Mark", "Series", "legend", "render"]
