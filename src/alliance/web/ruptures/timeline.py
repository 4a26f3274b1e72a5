"""A client's ruptures for the client page: a timeline and marks on the alliance chart."""

from __future__ import annotations

from django.utils.translation import gettext as _

from alliance.web.charts.svg import Mark
from alliance.web.clinic.models import Rupture, RuptureStatus

from .explain import what_dropped
from .strategies import used_names


def timeline_rows(ruptures: list[Rupture]) -> list[dict]:
    """Newest first: what fell, what was tried, and whether it came back."""
    return [
        {"rupture": r, "what": what_dropped(r), "tried": used_names(r.strategies)}
        for r in sorted(ruptures, key=lambda r: -r.onset_session)
    ]


def chart_marks(ruptures: list[Rupture]) -> list[Mark]:
    """A shaded span from onset to the lowest session, and a line where it was repaired."""
    marks = []
    for r in ruptures:
        label = _("Rupture: sessions %(onset)s to %(lowest)s, %(status)s") % {
            "onset": r.onset_session,
            "lowest": r.lowest_session,
            "status": r.get_status_display().lower(),
        }
        marks.append(Mark(r.onset_session, r.lowest_session, label, f"rupture {r.status}"))
        if r.status == RuptureStatus.REPAIRED and r.repair_session:
            marks.append(
                Mark(
                    r.repair_session,
                    r.repair_session,
                    _("Repaired at session %(session)s") % {"session": r.repair_session},
                    "repair",
                )
            )
    return marks
