"""A chart's legend: one entry for every kind of line, shade and mark it draws, each with a small
key drawn the way the chart draws it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.web.formats.numbers import shown_number

from .marks import Mark, hatch_patterns
from .palette import CUTOFF, REPAIR, band_fill, line_look, rupture_colour
from .shapes import dash_attribute, marker
from .svg import Chart, Series

KEY_WIDTH, KEY_HEIGHT = 28, 12
KIND_ORDER = ["repaired", "unrepaired", "open", "repair"]
RUPTURE_WORDS = {
    "unrepaired": gettext_lazy("Rupture, not repaired"),
    "open": gettext_lazy("Rupture, still open"),
    "repaired": gettext_lazy("Rupture, repaired"),
}


@dataclass(frozen=True)
class Entry:
    name: str
    key: str  # the key's SVG content, already escaped


def entries(chart: Chart, key_id: str) -> list[Entry]:
    """In reading order: the lines, the cutoff, the rupture kinds and repairs, then the bands."""
    lines = sorted((s for s in chart.series if s.in_legend), key=lambda s: not s.show_markers)
    found = [_line_entry(s) for s in lines]
    if chart.cutoff is not None:
        cutoff = _("Clinical cutoff (%(score)s)") % {"score": shown_number(chart.cutoff)}
        found.append(Entry(cutoff, _cutoff_key()))
    found += mark_entries(chart.marks, key_id)
    found += [
        Entry(f"{band.name} ({band.limits_text})", _band_key(n))
        for n, band in enumerate(chart.bands)
    ]
    return found


def mark_entries(marks: list[Mark], key_id: str) -> list[Entry]:
    found = []
    for kind in sorted({_kind(m) for m in marks}, key=KIND_ORDER.index):
        if kind == "repair":
            found.append(Entry(_("Repair (the session it was repaired)"), _repair_key()))
        else:
            words = str(RUPTURE_WORDS.get(kind, _("Rupture")))
            found.append(Entry(words, _rupture_key(kind, key_id)))
    return found


def _kind(mark: Mark) -> str:
    names = mark.css.split()
    if "rupture" not in names:
        return "repair"
    kind = next((n for n in names if n != "rupture"), "open")
    return kind if kind in RUPTURE_WORDS else "open"


def render_legend(found: list[Entry], *, label: str | None = None) -> SafeString:
    """The entries as a list, each key a small SVG hidden from screen readers (the chart's own
    title and description, and the entry's words, say the same)."""
    if not found:
        return mark_safe("")
    items = "".join(
        str(
            format_html(
                '<li><svg class="swatch" viewBox="0 0 {} {}" width="{}" height="{}" '
                'aria-hidden="true" focusable="false">{}</svg>{}</li>',
                KEY_WIDTH,
                KEY_HEIGHT,
                KEY_WIDTH,
                KEY_HEIGHT,
                mark_safe(entry.key),  # built from numbers and the palette only
                entry.name,
            )
        )
        for entry in found
    )
    label = _("Key to the chart") if label is None else label
    return format_html('<ul class="legend" aria-label="{}">{}</ul>', label, mark_safe(items))


def legend(chart: Chart, key_id: str) -> SafeString:
    return render_legend(entries(chart, key_id))


def _line_entry(series: Series) -> Entry:
    look = line_look(series.css)
    fill, outline = ("#fff", look.colour) if look.hollow else (look.colour, "none")
    dot = marker(series.marker, KEY_WIDTH / 2, KEY_HEIGHT / 2)
    key = format_html(
        '<path d="M1,6H27" fill="none" stroke="{}" stroke-width="{}"{}/>'
        '<g fill="{}" stroke="{}" stroke-width="1.5">{}</g>',
        look.colour,
        look.width,
        dash_attribute(look.dash),
        fill,
        outline,
        mark_safe(dot if series.show_markers else ""),
    )
    drawn = any(y is not None for _, y in series.points)
    return Entry(series.name if drawn else none_yet(series.name), str(key))


def none_yet(name: str) -> str:
    """A line's legend entry when the line has no point yet."""
    return _("%(name)s (none yet)") % {"name": name}


def _cutoff_key() -> str:
    return str(
        format_html(
            '<path d="M1,6H27" stroke="{}" stroke-width="{}"{}/>',
            CUTOFF.colour,
            CUTOFF.width,
            dash_attribute(CUTOFF.dash),
        )
    )


def _rupture_key(kind: str, key_id: str) -> str:
    pattern = "".join(hatch_patterns([Mark(0, 0, "", f"rupture {kind}")], f"{key_id}-{kind}"))
    return pattern + str(
        format_html(
            '<rect x="1" y="1" width="26" height="10" fill="url(#{}-{}-hatch-{})" stroke="{}" '
            'stroke-width="1.2" stroke-dasharray="3 2"/>',
            key_id,
            kind,
            kind,
            rupture_colour(kind),
        )
    )


def _repair_key() -> str:
    return str(format_html('<rect x="12.5" y="0" width="3" height="12" fill="{}"/>', REPAIR))


def _band_key(index: int) -> str:
    return str(
        format_html(
            '<rect x="1" y="1" width="26" height="10" fill="{}" stroke="#c9ced4"/>',
            band_fill(index),
        )
    )
