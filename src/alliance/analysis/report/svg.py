"""Small inline SVG charts with no external assets: a band chart and an interval (forest) chart.

Both are drawn at most 360 units wide with 14-unit words, so a phone that shows them 288 px wide
(a 320 px screen less the page's margins) still draws every word at 11 px or more."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

STATUS_COLOURS = {
    "on-track": "#2b7a3d",
    "not-on-track": "#b3261e",
    "better-than-expected": "#1f5fa8",
}
TEXT_SIZE = 14
INK, MUTED, ESTIMATE = "#222", "#555", "#1f3f66"
CHAR_WIDTH = 0.6  # a sans-serif character's width in ems, at most, for digits and lower case


@dataclass(frozen=True)
class Frame:
    """Maps data to pixels inside a plotting box."""

    x0: float
    x1: float
    y0: float
    y1: float
    width: int = 360
    height: int = 240
    pad: int = 40

    def x(self, value: float) -> float:
        return self.pad + (value - self.x0) / (self.x1 - self.x0 or 1) * (self.width - 2 * self.pad)

    def y(self, value: float) -> float:
        span = self.height - 2 * self.pad
        return self.height - self.pad - (value - self.y0) / (self.y1 - self.y0 or 1) * span


def text_width(text: str, size: float = TEXT_SIZE) -> float:
    """A generous estimate of a line's width, for laying words out apart."""
    return len(text) * size * CHAR_WIDTH


def _text(x: float, y: float, words: str, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(words)}</text>'


def _axes(f: Frame, x_label: str, y_label: str) -> list[str]:
    bottom, left = f.height - f.pad, f.pad
    middle = (f.pad + f.height - f.pad) / 2
    return [
        f'<line x1="{left}" y1="{bottom}" x2="{f.width - f.pad}" y2="{bottom}" stroke="{MUTED}"/>',
        f'<line x1="{left}" y1="{f.pad}" x2="{left}" y2="{bottom}" stroke="{MUTED}"/>',
        _text(f.width / 2, f.height - 4, x_label, "middle"),
        _text(13, middle, y_label, "middle", f' transform="rotate(-90 13 {middle:.1f})"'),
        _text(left - 6, bottom, f"{f.y0:g}", "end"),
        _text(left - 6, f.pad + 5, f"{f.y1:g}", "end"),
        _text(left, bottom + 20, f"{f.x0:g}", "middle"),
        _text(f.width - f.pad, bottom + 20, f"{f.x1:g}", "middle"),
    ]


def _svg(width: float, height: float, parts: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" role="img" font-size="{TEXT_SIZE}" '
        f'font-family="sans-serif" fill="{INK}"><title>{escape(title)}</title>'
        f"{''.join(parts)}</svg>"
    )


def band_chart(
    curve: list[tuple[float, float, float, float]],
    points: list[tuple[float, float, str]],
    title: str,
    y_max: float,
) -> str:
    """Expected course and band (session, expected, lower, upper) with clients' latest scores."""
    sessions = [c[0] for c in curve] + [p[0] for p in points]
    f = Frame(1, max(sessions), 0, y_max)
    upper = " ".join(f"{f.x(s):.1f},{f.y(min(hi, y_max)):.1f}" for s, _, _, hi in curve)
    lower = " ".join(f"{f.x(s):.1f},{f.y(max(lo, 0)):.1f}" for s, _, lo, _ in reversed(curve))
    line = " ".join(f"{f.x(s):.1f},{f.y(e):.1f}" for s, e, _, _ in curve)
    parts = [
        f'<polygon points="{upper} {lower}" fill="#d9e6f2"/>',
        f'<polyline points="{line}" fill="none" stroke="{ESTIMATE}" stroke-width="2"/>',
    ]
    parts += [
        f'<circle cx="{f.x(s):.1f}" cy="{f.y(v):.1f}" r="3.5" fill="{STATUS_COLOURS[st]}">'
        f"<title>session {s:g}: {v:g} ({st})</title></circle>"
        for s, v, st in points
    ]
    axes = _axes(f, "Session", "Outcome (higher is worse)")
    return _svg(f.width, f.height, axes + parts, title)


# The interval chart: each row's full name on a line of its own above its interval, so the names
# never crowd the plot and the chart stays narrow enough for a phone.
INTERVAL_WIDTH, SIDE = 360, 16  # SIDE: the least room left and right of the axis
ROW, NAME_DROP, LINE_DROP = 46, 15, 31  # a row's height; its name's and its line's depth in it
AXIS_ROOM = 58  # below the last row: the axis, its numbers and its name


def nice_ticks(low: float, high: float, most: int = 5) -> list[float]:
    """Round numbers from at or below `low` to at or above `high`, at most `most` + 1 of them."""
    raw = (high - low) / most or 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start, end = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return [round(n * step, 10) for n in range(start, end + 1)]


def tick_text(value: float, ticks: list[float]) -> str:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) + (
        1 if f"{step:g}".endswith("5") else 0
    )
    shown = f"{value:.{min(decimals, 3)}f}"
    return "0" if float(shown) == 0 else shown.replace("-", "\u2212")


def interval_chart(
    rows: list[tuple[str, float, float, float]], title: str, x_label: str = "Estimate"
) -> str:
    """Estimates with intervals, one row each (full name, estimate, low, high), on an axis of
    round numbers fitted to the intervals and 0, with a dashed line at 0."""
    values = [v for _, e, lo, hi in rows for v in (e, lo, hi)] + [0.0]
    ticks = nice_ticks(min(values), max(values))
    height = ROW * len(rows) + AXIS_ROOM
    # the end numbers are centred on the axis's ends: leave room for half of each
    side = max(SIDE, *(text_width(tick_text(v, ticks)) / 2 + 2 for v in ticks))

    def px(v: float) -> float:
        return side + (v - ticks[0]) / (ticks[-1] - ticks[0]) * (INTERVAL_WIDTH - 2 * side)

    base = ROW * len(rows) + 4
    parts = [
        f'<line x1="{px(0):.1f}" y1="4" x2="{px(0):.1f}" y2="{base}" stroke="{MUTED}" '
        'stroke-dasharray="3 3"/>'
    ]
    for n, row in enumerate(rows):
        parts += _interval_row(row, ROW * n, px)
    parts.append(
        f'<line x1="{side:.1f}" y1="{base}" x2="{INTERVAL_WIDTH - side:.1f}" y2="{base}" '
        f'stroke="{MUTED}"/>'
    )
    parts += [
        f'<line x1="{px(v):.1f}" y1="{base}" x2="{px(v):.1f}" y2="{base + 5}" stroke="{MUTED}"/>'
        + _text(px(v), base + 21, tick_text(v, ticks), "middle")
        for v in ticks
    ]
    parts.append(_text(INTERVAL_WIDTH / 2, height - 6, x_label, "middle"))
    return _svg(INTERVAL_WIDTH, height, parts, title)


def _interval_row(row: tuple[str, float, float, float], top: float, px) -> list[str]:
    name, estimate, low, high = row
    y = top + LINE_DROP
    return [
        _text(4, top + NAME_DROP, name),
        f'<line x1="{px(low):.1f}" y1="{y}" x2="{px(high):.1f}" y2="{y}" stroke="{ESTIMATE}" '
        'stroke-width="2.5"/>',
        f'<circle cx="{px(estimate):.1f}" cy="{y}" r="5" fill="{ESTIMATE}"><title>{escape(name)}: '
        f"{estimate:.2f} ({low:.2f} to {high:.2f})</title></circle>",
    ]
