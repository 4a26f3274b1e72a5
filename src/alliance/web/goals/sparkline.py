"""A tiny progress line per goal (0-10 over sessions), with a title that reads it out."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PAD = 120, 28, 3


def sparkline(points: list[tuple[int, int]], *, label: str) -> SafeString:
    """An inline SVG of (session, rating) pairs; empty when there are none."""
    if not points:
        return mark_safe("")
    first, last = points[0][0], max(points[-1][0], points[0][0] + 1)

    def x(session: int) -> float:
        return round(PAD + (session - first) / (last - first) * (WIDTH - 2 * PAD), 1)

    def y(rating: int) -> float:
        return round(PAD + (10 - rating) / 10 * (HEIGHT - 2 * PAD), 1)

    path = " ".join(f"{x(s)},{y(v)}" for s, v in points)
    read_out = "; ".join(f"session {s}: {v}" for s, v in points)
    return format_html(
        '<svg class="sparkline" viewBox="0 0 {} {}" width="{}" height="{}" role="img">'
        '<title>{} (0-10): {}</title><polyline points="{}"/></svg>',
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        label,
        read_out,
        path,
    )
