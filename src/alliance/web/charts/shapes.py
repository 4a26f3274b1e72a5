"""The small shapes every chart and legend key draws: point markers and dash patterns."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

MARKERS = ("circle", "square", "triangle", "diamond")


def dash_attribute(dash: str) -> SafeString:
    return format_html(' stroke-dasharray="{}"', dash) if dash else mark_safe("")


def marker(shape: str, x: float, y: float) -> str:
    """A point's marker, centred on x, y, at most 3.5 pixels from it either way."""
    if shape == "square":
        return str(format_html('<rect x="{}" y="{}" width="6" height="6"/>', x - 3, y - 3))
    if shape in ("triangle", "diamond"):
        corners = (
            [(0, -3.5), (3.2, 2.5), (-3.2, 2.5)]
            if shape == "triangle"
            else [(0, -3.5), (3.5, 0), (0, 3.5), (-3.5, 0)]
        )
        points = " ".join(f"{round(x + dx, 1)},{round(y + dy, 1)}" for dx, dy in corners)
        return str(format_html('<polygon points="{}"/>', points))
    return str(format_html('<circle cx="{}" cy="{}" r="3"/>', x, y))
