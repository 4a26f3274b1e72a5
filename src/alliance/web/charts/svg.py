"""A small line chart in SVG: lines per series, shaded bands named beside the plot, rupture spans
hatched and outlined, a cutoff line, labelled axes; every word placed where no other word is.

`render` draws one picture in a frame; `render_for_screens` draws it twice, wide and narrow, and
the stylesheet shows the narrow one in a narrow container, so its words never shrink below
about 11 px on a 320 px phone (a 400-unit picture drawn 288 px wide would shrink them to 72 %)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from alliance.web.formats.numbers import shown_number

from .boxes import EM_PER_CHARACTER, Box, text_box, vertical_text_box, wrap
from .marks import Mark, hatch_patterns, render_marks
from .palette import CUTOFF, band_fill, line_look
from .shapes import MARKERS, dash_attribute, marker

LEFT, TOP, BOTTOM = 46, 10, 42
INSET = 8  # pixels between the scale's ends and the plot's edges, so no marker is cut
X_PAD = 0.5  # sessions of room at each end, so no point sits on an axis
TIE_GAP = 3.5  # pixels between points of different series that have the same value
TICK_SIZE, LABEL_SIZE, BAND_SIZE = 12, 12, 11
BAND_LINE = 12  # pixels from one line of a band's name to the next
BAND_CHARACTERS = 11  # a band's name wraps to lines this long, to fit the gutter


@dataclass(frozen=True)
class Frame:
    """The picture's size in SVG units, and what fits across it."""

    name: str
    width: float
    height: float
    right: float = 14  # the right margin without bands
    gutter: float = 86  # the right margin carrying the bands' names
    x_ticks: int = 8  # at most this many session numbers along the axis


WIDE = Frame("wide", 400, 240)
NARROW = Frame("narrow", 280, 240, right=10, x_ticks=5)  # drawn 1:1 at 280 px
WIDTH, HEIGHT = WIDE.width, WIDE.height


@dataclass
class Series:
    name: str
    css: str
    points: list[tuple[float, float | None]]
    marker: str = "circle"  # one of MARKERS: series of one chart are told apart by shape too
    in_legend: bool = True  # False for a second line already named by another (a range's edge)
    show_markers: bool = True  # False for a course drawn as a line only (no one answered there)


@dataclass
class Band:
    low: float
    high: float
    name: str
    limits: str = ""  # the scores it holds in words ("5-9"), when its edges are not those

    @property
    def limits_text(self) -> str:
        return self.limits or f"{shown_number(self.low)}-{shown_number(self.high)}"


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
    empty_text: str = field(default_factory=lambda: _("No ratings yet"))

    def x_bounds(self) -> tuple[float, float]:
        if self.x_range:
            return self.x_range
        xs = [x for s in self.series for x, y in s.points if y is not None] or [1.0]
        return min(xs), max(xs)

    @property
    def is_empty(self) -> bool:
        return not any(y is not None for s in self.series for _, y in s.points)

    def right(self, frame: Frame) -> float:
        """The plot's right edge."""
        return frame.width - (self._gutter(frame) if self.bands else frame.right)

    def _gutter(self, frame: Frame) -> float:
        """The bands' margin, widened when a band's name has a word longer than a line (as
        some languages have), so the word stays inside the picture."""
        lines = [line for band in self.bands for line in wrap(band.name, BAND_CHARACTERS)]
        beyond = max(len(line) for line in lines) - BAND_CHARACTERS
        return frame.gutter + max(beyond, 0) * BAND_SIZE * EM_PER_CHARACTER


@dataclass(frozen=True)
class Label:
    """One line of text on the chart, with the box it takes."""

    text: str
    x: float
    y: float
    size: float
    anchor: str
    css: str
    vertical: bool = False

    @property
    def box(self) -> Box:
        if self.vertical:
            return vertical_text_box(self.x, self.y, self.text, self.size)
        return text_box(self.x, self.y, self.text, self.size, self.anchor)


class _Scale:
    def __init__(self, chart: Chart, frame: Frame):
        x0, x1 = chart.x_bounds()
        self.x0, self.x1 = x0 - X_PAD, x1 + X_PAD
        self.y0, self.y1 = chart.y_range
        self.frame = frame
        self.right = chart.right(frame)
        self.base = frame.height - BOTTOM

    def x(self, value: float) -> float:
        return round(LEFT + (value - self.x0) / (self.x1 - self.x0) * (self.right - LEFT), 1)

    def y(self, value: float) -> float:
        span = self.base - TOP - 2 * INSET
        return round(TOP + INSET + (self.y1 - value) / (self.y1 - self.y0) * span, 1)


def render_for_screens(chart: Chart, *, chart_id: str) -> SafeString:
    """The chart wide and narrow, each with its own ids; the stylesheet shows one of them."""
    return for_screens(partial(render, chart), WIDE, NARROW, chart_id=chart_id)


def for_screens(draw: Callable[..., SafeString], wide, narrow, *, chart_id: str) -> SafeString:
    """`draw(chart_id=, frame=, css=)` in the wide frame and in the narrow one, each picture with
    its own ids and the class the stylesheet picks one of them by."""
    shown = draw(chart_id=chart_id, frame=wide, css="wide-chart")
    return shown + draw(chart_id=f"{chart_id}-narrow", frame=narrow, css="narrow-chart")


def svg_opening(css: str, width, height, *, chart_id: str, title: str, desc: str) -> list[str]:
    """An inline <svg>'s start tag with its <title> and <desc>, named by aria-labelledby."""
    return [
        format_html(
            '<svg class="{}" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc">',
            css,
            width,
            height,
            chart_id,
            chart_id,
        ),
        format_html(
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            chart_id,
            title,
            chart_id,
            desc,
        ),
    ]


def render(chart: Chart, *, chart_id: str, frame: Frame = WIDE, css: str = "") -> SafeString:
    """The chart as an inline <svg> with <title> and <desc>, named by aria-labelledby."""
    scale = _Scale(chart, frame)
    parts = [
        *svg_opening(
            f"chart {css}".strip(),
            f"{frame.width:g}",
            f"{frame.height:g}",
            chart_id=chart_id,
            title=chart.title,
            desc=chart.desc,
        ),
        *hatch_patterns(chart.marks, chart_id),
        *_bands(chart, scale),
        *render_marks(chart.marks, scale.x, TOP, scale.base, chart_id),
        format_html(
            '<path class="axis" d="M{},{}V{}H{}" fill="none" stroke="#1b1f24"/>',
            LEFT,
            TOP,
            scale.base,
            scale.right,
        ),
        *_cutoff(chart, scale),
        *[
            _line(series, scale, offsets)
            for series, offsets in zip(chart.series, _tie_offsets(chart), strict=True)
        ],
        *[label_text(label) for label in labels(chart, frame)],
        "</svg>",
    ]
    return mark_safe("".join(str(part) for part in parts))  # every piece above is escaped


def label_text(label: Label) -> str:
    turn = format_html(' transform="rotate(-90 {} {})"', label.x, label.y) if label.vertical else ""
    return str(
        format_html(
            '<text class="{}" x="{}" y="{}" font-size="{}" text-anchor="{}" fill="{}"{}>{}</text>',
            label.css,
            label.x,
            label.y,
            label.size,
            label.anchor,
            "#555d66" if label.css in ("band-name", "empty") else "#1b1f24",
            turn,
            label.text,
        )
    )


def labels(chart: Chart, frame: Frame = WIDE) -> list[Label]:
    """Every word on the chart: ticks, axis names, the bands' names and the empty notice."""
    scale = _Scale(chart, frame)
    found = [
        Label(shown_number(v), LEFT - 5, round(scale.y(v) + 4, 1), TICK_SIZE, "end", "tick")
        for v in _y_ticks(chart, scale)
    ]
    found += [
        Label(shown_number(v), scale.x(v), scale.base + 15, TICK_SIZE, "middle", "tick")
        for v in _ticks(scale.x0, scale.x1, frame.x_ticks)
    ]
    middle = round((LEFT + scale.right) / 2, 1)
    found.append(Label(chart.x_label, middle, frame.height - 8, LABEL_SIZE, "middle", "label"))
    found.append(
        Label(chart.y_label, 14, (TOP + scale.base) / 2, LABEL_SIZE, "middle", "label", True)
    )
    found += _band_names(chart, scale)
    if chart.is_empty and chart.empty_text:
        found.append(Label(chart.empty_text, middle, (TOP + scale.base) / 2, 13, "middle", "empty"))
    return found


def _band_top_bottom(band: Band, scale: _Scale) -> tuple[float, float]:
    """The band's pixels; the outermost bands run to the plot's edges."""
    top = TOP if band.high >= scale.y1 else scale.y(band.high)
    bottom = scale.base if band.low <= scale.y0 else scale.y(band.low)
    return top, bottom


def _bands(chart: Chart, scale: _Scale) -> list[str]:
    found = []
    for n, band in enumerate(chart.bands):
        top, bottom = _band_top_bottom(band, scale)
        found.append(
            format_html(
                '<rect class="band band-{}" x="{}" y="{}" width="{}" height="{}" fill="{}">'
                "<title>{}</title></rect>",
                n,
                LEFT,
                top,
                round(scale.right - LEFT, 1),
                round(bottom - top, 1),
                band_fill(n),
                f"{band.name}: {band.limits_text}",
            )
        )
    return found


def _band_names(chart: Chart, scale: _Scale) -> list[Label]:
    """Each band's name in the gutter beside it, centred on the band, pushed apart where bands
    are too narrow for their names, and kept inside the picture."""
    groups = []
    for band in chart.bands:
        top, bottom = _band_top_bottom(band, scale)
        lines = wrap(band.name, BAND_CHARACTERS)
        height = len(lines) * BAND_LINE
        groups.append([lines, (top + bottom) / 2 - height / 2, height])
    from_top = sorted(groups, key=lambda group: group[1])
    floor = 2.0
    for group in from_top:
        group[1] = max(group[1], floor)
        floor = group[1] + group[2]
    ceiling = scale.frame.height - 2.0
    for group in reversed(from_top):
        group[1] = min(group[1], ceiling - group[2])
        ceiling = group[1]
    return [
        Label(
            line,
            scale.right + 5,
            round(top + BAND_LINE * (n + 0.8), 1),
            BAND_SIZE,
            "start",
            "band-name",
        )
        for lines, top, _ in groups
        for n, line in enumerate(lines)
    ]


def _y_ticks(chart: Chart, scale: _Scale) -> list[float]:
    """The band limits when the chart has bands (so each shade starts at a number), else even
    steps; both ends of the scale are labelled and a tick too close to a kept one is left out."""
    if chart.bands:
        limits = {band.low for band in chart.bands} | {scale.y0, scale.y1}
        wanted = sorted((v for v in limits if scale.y0 <= v <= scale.y1), reverse=True)
    else:
        found = _ticks(scale.y0, scale.y1, 5)
        wanted = sorted({*found, scale.y0, scale.y1}, reverse=True)
    kept = [wanted[0]]
    for value in wanted[1:-1]:
        if scale.y(value) - scale.y(kept[-1]) >= TICK_SIZE + 2:
            kept.append(value)
    if len(wanted) > 1:
        while len(kept) > 1 and scale.y(wanted[-1]) - scale.y(kept[-1]) < TICK_SIZE + 2:
            kept.pop()
        kept.append(wanted[-1])
    return sorted(kept)


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
            '<path class="cutoff" d="M{},{}H{}" stroke="{}" stroke-width="{}" '
            'stroke-dasharray="{}"><title>{}</title></path>',
            LEFT,
            y,
            scale.right,
            CUTOFF.colour,
            CUTOFF.width,
            CUTOFF.dash,
            _("Cutoff %(score)s") % {"score": shown_number(chart.cutoff)},
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
    for (x, _y), indexes in sharing.items():
        for rank, index in enumerate(indexes):
            offsets[index][x] = round((rank - (len(indexes) - 1) / 2) * TIE_GAP, 1)
    return offsets


def _line(series: Series, scale: _Scale, offsets: dict[float, float]) -> str:
    look = line_look(series.css)
    segments, current, dots = [], [], []
    for x, y in series.points:
        if y is None:
            segments, current = segments + [current] if current else segments, []
            continue
        cx, cy = scale.x(x), round(scale.y(y) + offsets.get(x, 0.0), 1)
        current.append(f"{cx},{cy}")
        if series.show_markers:
            dots.append(marker(series.marker, cx, cy))
    if current:
        segments.append(current)
    path = " ".join("M" + " L".join(segment) for segment in segments)
    fill, outline = ("#fff", look.colour) if look.hollow else (look.colour, "none")
    return (
        str(
            format_html(
                '<g class="series {}" fill="{}" stroke="{}" stroke-width="1.5"><title>{}</title>'
                '<path class="line" d="{}" fill="none" stroke="{}" stroke-width="{}"{}/>',
                series.css,
                fill,
                outline,
                series.name,
                path,
                look.colour,
                look.width,
                dash_attribute(look.dash),
            )
        )
        + "".join(dots)
        + "</g>"
    )


__all__ = [
    "MARKERS",
    "NARROW",
    "WIDE",
    "Band",
    "Chart",
    "Frame",
    "Label",
    "Mark",
    "Series",
    "for_screens",
    "labels",
    "render",
    "render_for_screens",
]
