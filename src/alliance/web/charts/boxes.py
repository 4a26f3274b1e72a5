"""Where a chart's words sit, as boxes, so labels can be placed (and checked) not to collide.

Widths are estimated, not measured: 0.6 em a character is wider than the average of the sans
fonts a browser or a PDF renderer picks, so boxes that do not touch here do not touch on screen."""

from __future__ import annotations

from dataclasses import dataclass

EM_PER_CHARACTER = 0.6


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height


def text_box(x: float, y: float, text: str, size: float, anchor: str = "start") -> Box:
    """The box of one line of text whose baseline starts (or centres, or ends) at x, y."""
    width = len(text) * size * EM_PER_CHARACTER
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - size * 0.8, left + width, y + size * 0.25)


def vertical_text_box(x: float, y: float, text: str, size: float) -> Box:
    """A line of text turned a quarter left about its own centre x, y."""
    length = len(text) * size * EM_PER_CHARACTER
    return Box(x - size * 0.8, y - length / 2, x + size * 0.25, y + length / 2)


def wrap(text: str, most: int) -> list[str]:
    """Words in lines of at most `most` characters (a longer word keeps a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def first_overlap(boxes: list[tuple[str, Box]]) -> tuple[str, str] | None:
    """The names of the first two boxes that collide, or None when every box is clear."""
    for n, (name, box) in enumerate(boxes):
        for other_name, other in boxes[n + 1 :]:
            if box.overlaps(other):
                return name, other_name
    return None
