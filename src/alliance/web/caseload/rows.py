"""The list's table rows rendered in Python: 50 rows through the template engine cost more than
the query that found them (about half a millisecond a row), so the page's cost would grow with
the page. The markup is the one the caseload has always shown; every value is escaped here."""

from __future__ import annotations

import functools
from html import escape
from urllib.parse import quote

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .query import Change, Row

PLACEHOLDER = "CLIENTCODE"


def rows_html(rows: list[Row], *, show_therapist: bool) -> SafeString:
    """Every row of the list's table body."""
    return mark_safe("\n".join(_row(row, show_therapist) for row in rows))  # escaped below


def number(value: float) -> str:
    """One decimal, none when it is whole (the template filter floatformat:"-1")."""
    rounded = round(float(value), 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


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


def _row(row: Row, show_therapist: bool) -> str:
    cells = [_client_cell(row)]
    if show_therapist:
        cells.append(f"<td>{escape(row.client.therapist.display)}</td>")
    cells += [_dimension_cell(change) for change in row.alliance]
    cells += [_outcome_cell(row), _status_cell(row), _track_cell(row), _alerts_cell(row)]
    cells.append(f"<td>{day(row.last_session) or '-'}</td>")
    cells.append(f"<td>{escape(row.checkin_status.lower()) or '-'}</td>")
    urgent = ' class="is-urgent"' if row.urgent else ""
    return f"<tr{urgent}>{''.join(cells)}</tr>"


def _client_cell(row: Row) -> str:
    url = escape(client_url(row.client.code))
    ended = ""
    if not row.active:
        when = f" {day(row.ended)}" if row.ended else ""
        ended = f' <span class="badge ended">{escape(gettext("ended"))}{when}</span>'
    return f'<th scope="row"><a href="{url}">{escape(row.client.label)}</a>{ended}</th>'


def _dimension_cell(change: Change) -> str:
    value = "-"
    if change.value is not None:
        value = f'<span class="score">{number(change.value)}</span>'
    arrow = f' <span class="arrow" aria-hidden="true">{change.arrow}</span>' if change.arrow else ""
    return f'<td>{value}{arrow} <span class="change">{escape(change.text)}</span></td>'


def _outcome_cell(row: Row) -> str:
    if row.outcome is None:
        return "<td>-</td>"
    return f'<td>{number(row.outcome)} <span class="band">{escape(row.band)}</span></td>'


def _status_cell(row: Row) -> str:
    if not row.status:
        return "<td>-</td>"
    category = escape(row.status.category)
    found = f'<span class="outcome-category {category}">{category}</span>'
    if row.status.recovery:
        found += f' <span class="change">({escape(row.status.recovery)})</span>'
    return f"<td>{found}</td>"


def _track_cell(row: Row) -> str:
    track = "-"
    if row.track:
        status = escape(row.track.status)
        track = f'<span class="track {status}">{escape(row.track.words)}</span>'
        track += default_curve_mark() if row.track.default_curve else ""
    change = row.alliance_change
    if change and change.delta is not None:
        words = gettext("alliance %(change)s") % {"change": change.text}
        track += f' <span class="change">{escape(words)}</span>'
    return f"<td>{track}</td>"


def _alerts_cell(row: Row) -> str:
    badges = " ".join(
        f'<span class="badge {escape(a.severity)}">'
        f"{escape(a.get_severity_display())}: {escape(a.kind_label)}</span>"
        for a in row.alerts
    )
    return f"<td>{badges or escape(gettext('none'))}</td>"
