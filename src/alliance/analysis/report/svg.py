"""Small inline SVG charts with no external assets: a band chart and an interval (forest) chart."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

STATUS_COLOURS = {
    "on-track": "#2b7a3d",
    "not-on-track": "#b3261e",
    "better-than-expected": "#1f5fa8",
}


@dataclass(frozen=True)
class Frame:
    """Maps data to pixels inside a plotting box."""

    x0: float
    x1: float
    y0: float
    y1: float
    width: int = 360
    height: int = 240
    pad: int = 36

    def x(self, value: float) -> float:
        return self.pad + (value - self.x0) / (self.x1 - self.x0 or 1) * (self.width - 2 * self.pad)

    def y(self, value: float) -> float:
        span = self.height - 2 * self.pad
        return self.height - self.pad - (value - self.y0) / (self.y1 - self.y0 or 1) * span


def _axes(f: Frame, x_label: str, y_label: str) -> list[str]:
    bottom, left = f.height - f.pad, f.pad
    return [
        f'<line x1="{left}" y1="{bottom}" x2="{f.width - f.pad}" y2="{bottom}" stroke="#555"/>',
        f'<line x1="{left}" y1="{f.pad}" x2="{left}" y2="{bottom}" stroke="#555"/>',
        f'<text x="{f.width / 2}" y="{f.height - 6}" text-anchor="middle">{escape(x_label)}</text>',
        f'<text x="12" y="{f.height / 2}" transform="rotate(-90 12 {f.height / 2})" '
        f'text-anchor="middle">{escape(y_label)}</text>',
        f'<text x="{left - 4}" y="{bottom}" text-anchor="end">{f.y0:g}</text>',
        f'<text x="{left - 4}" y="{f.pad + 4}" text-anchor="end">{f.y1:g}</text>',
        f'<text x="{left}" y="{bottom + 14}" text-anchor="middle">{f.x0:g}</text>',
        f'<text x="{f.width - f.pad}" y="{bottom + 14}" text-anchor="middle">{f.x1:g}</text>',
    ]


def _svg(f: Frame, parts: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {f.width} {f.height}" '
        f'width="{f.width}" height="{f.height}" role="img" font-size="10" '
        f'font-family="sans-serif"><title>{escape(title)}</title>{"".join(parts)}</svg>'
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
        f'<polyline points="{line}" fill="none" stroke="#1f3f66" stroke-width="2"/>',
    ]
    parts += [
        f'<circle cx="{f.x(s):.1f}" cy="{f.y(v):.1f}" r="3" fill="{STATUS_COLOURS[st]}">'
        f"<title>session {s:g}: {v:g} ({st})</title></circle>"
        for s, v, st in points
    ]
    return _svg(f, _axes(f, "session", "outcome (higher is worse)") + parts, title)


def interval_chart(rows: list[tuple[str, float, float, float]], title: str) -> str:
    """Estimates with intervals, one row each (label, estimate, low, high), and a zero line."""
    values = [v for _, e, lo, hi in rows for v in (e, lo, hi)] + [0.0]
    f = Frame(
        min(values) - 0.1,
        max(values) + 0.1,
        0,
        len(rows) + 1,
        width=480,
        height=40 + 28 * len(rows),
        pad=24,
    )
    left = 150
    scale = (f.width - left - f.pad) / (f.x1 - f.x0)

    def px(v: float) -> float:
        return left + (v - f.x0) * scale

    parts = [
        f'<line x1="{px(0):.1f}" y1="10" x2="{px(0):.1f}" y2="{f.height - 20}" '
        'stroke="#999" stroke-dasharray="3 3"/>'
    ]
    for n, (label, est, lo, hi) in enumerate(rows):
        y = 24 + 28 * n
        parts += [
            f'<text x="4" y="{y + 4}">{escape(label)}</text>',
            f'<line x1="{px(lo):.1f}" y1="{y}" x2="{px(hi):.1f}" y2="{y}" stroke="#1f3f66" '
            'stroke-width="2"/>',
            f'<circle cx="{px(est):.1f}" cy="{y}" r="4" fill="#1f3f66"><title>{est:.2f} '
            f"({lo:.2f} to {hi:.2f})</title></circle>",
        ]
    ticks = [0.0] + [v for v in (f.x0, f.x1) if abs(px(v) - px(0.0)) > 30]
    parts += [
        f'<text x="{px(v):.1f}" y="{f.height - 6}" text-anchor="middle">{v:.1f}</text>'
        for v in ticks
    ]
    return _svg(f, parts, title)
