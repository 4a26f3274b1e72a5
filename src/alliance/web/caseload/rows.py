"""The list's table rows rendered in Python: 50 rows through the template engine cost more than
the query that found them (about half a millisecond a row), so the page's cost would grow with
the page. The markup is the one the caseload has always shown; every value is escaped here."""

from __future__ import annotations

import functools
from html import escape
from urllib.parse import quote

from django.urls import reverse
from django.utils.formats import date_format, get_format
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .query import Change, Row

PLACEHOLDER = "CLIENTCODE"


def rows_html(rows: list[Row], *, show_therapist: bool) -> SafeString:
    """Every row of the list's table body."""
    said = Said()
    return mark_safe("\n".join(_row(row, show_therapist, said) for row in rows))  # escaped below


def number(value: float, mark: str = ".") -> str:
    """One decimal, none when it is whole (the template filter floatformat:"-1"), written with
    the decimal `mark` of the page's language."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}".replace(".", mark)


def day(value) -> str:
    """The date in the language's own format (the template filter date:"DATE_FORMAT")."""
    return date_format(value) if value else ""


def default_curve_mark() -> str:
    title = escape(gettext("default curve: too little clinic history"))
    return f'<sup title="{title}">*</sup>'


@functools.cache
def _client_url_pattern() -> str:
    return reverse("client", args=[PLACEHOLDER])


def client_url(code: str) -> str:
    """The client page's URL, as reverse() gives it, without resolving the pattern per row."""
    return _client_url_pattern().replace(PLACEHOLDER, quote(code, safe=RFC3986_SUBDELIMS + "/~:@"))


class Said:
    """The words and dates of one rendering, each translated or formatted once: fifty rows say
    the same few words and dates, and each translation lookup costs more than the row's own
    markup. Escaped as they are kept."""

    def __init__(self):
        self.ended = escape(gettext("ended"))
        self.none = escape(gettext("none"))
        self.curve_mark = default_curve_mark()
        self.alliance_words = gettext("alliance %(change)s")
        self.mark = get_format("DECIMAL_SEPARATOR")
        self._kept: dict = {}

    def keep(self, key, make) -> str:
        """The value made once for this key in this rendering."""
        found = self._kept.get(key)
        if found is None:
            found = self._kept[key] = make()
        return found

    def day(self, value) -> str:
        return self.keep(("day", value), lambda: day(value)) if value else ""

    def change(self, change: Change) -> str:
        """A change's words, escaped (they depend on whether there is a value and the step)."""
        key = ("change", change.value is None, change.delta)
        return self.keep(key, lambda: escape(change.text))


def _row(row: Row, show_therapist: bool, said: Said) -> str:
    cells = [_client_cell(row, said)]
    if show_therapist:
        cells.append(f"<td>{escape(row.client.therapist.display)}</td>")
    cells += [_dimension_cell(change, said) for change in row.alliance]
    cells += [
        _outcome_cell(row, said),
        _status_cell(row),
        _track_cell(row, said),
        _alerts_cell(row, said),
    ]
    cells.append(f"<td>{said.day(row.last_session) or '-'}</td>")
    status = said.keep(("checkin", row.checkin_status), lambda: escape(row.checkin_status.lower()))
    cells.append(f"<td>{status or '-'}</td>")
    urgent = ' class="is-urgent"' if row.urgent else ""
    return f"<tr{urgent}>{''.join(cells)}</tr>"


def _client_cell(row: Row, said: Said) -> str:
    url = escape(client_url(row.client.code))
    ended = ""
    if not row.active:
        when = f" {said.day(row.ended)}" if row.ended else ""
        ended = f' <span class="badge ended">{said.ended}{when}</span>'
    return f'<th scope="row"><a href="{url}">{escape(row.client.label)}</a>{ended}</th>'


def _dimension_cell(change: Change, said: Said) -> str:
    value = "-"
    if change.value is not None:
        value = f'<span class="score">{number(change.value, said.mark)}</span>'
    arrow = f' <span class="arrow" aria-hidden="true">{change.arrow}</span>' if change.arrow else ""
    return f'<td>{value}{arrow} <span class="change">{said.change(change)}</span></td>'


def _outcome_cell(row: Row, said: Said) -> str:
    if row.outcome is None:
        return "<td>-</td>"
    return f'<td>{number(row.outcome, said.mark)} <span class="band">{escape(row.band)}</span></td>'


def _status_cell(row: Row) -> str:
    if not row.status:
        return "<td>-</td>"
    category = escape(row.status.category)
    found = f'<span class="outcome-category {category}">{category}</span>'
    if row.status.recovery:
        found += f' <span class="change">({escape(row.status.recovery)})</span>'
    return f"<td>{found}</td>"


def _track_cell(row: Row, said: Said) -> str:
    track = "-"
    if row.track:
        status = row.track.status
        words = said.keep(("track", status), lambda: escape(row.track.words))
        track = f'<span class="track {escape(status)}">{words}</span>'
        track += said.curve_mark if row.track.default_curve else ""
    change = row.alliance_change
    if change and change.delta is not None:
        words = said.keep(
            ("alliance", change.delta),
            lambda: escape(said.alliance_words % {"change": change.text}),
        )
        track += f' <span class="change">{words}</span>'
    return f"<td>{track}</td>"


def _alerts_cell(row: Row, said: Said) -> str:
    badges = " ".join(
        said.keep(("badge", a.severity, a.kind), lambda a=a: _badge(a)) for a in row.alerts
    )
    return f"<td>{badges or said.none}</td>"


def _badge(alert) -> str:
    return (
        f'<span class="badge {escape(alert.severity)}">'
        f"{escape(alert.get_severity_display())}: {escape(alert.kind_label)}</span>"
    )
