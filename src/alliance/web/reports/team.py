"""Per-therapist figures for the supervision report and the team dashboard, in bulk."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from django.utils.safestring import SafeString, mark_safe

from alliance.analysis.report.svg import interval_chart
from alliance.web.caseload.query import Row, build_rows
from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.instruments import ALLIANCE, DIMENSIONS
from alliance.web.clinic.models import Respondent, Response, Rupture, RuptureStatus
from alliance.web.clinic.tables import dimension_table

CLINIC = "clinic"


@dataclass
class DimensionMean:
    dimension: str
    mean: float | None
    low: float | None
    high: float | None
    clinic: float | None
    clinic_low: float | None = None
    clinic_high: float | None = None


@dataclass
class TherapistFigures:
    """One therapist's caseload, who is off track, ruptures and the alliance by dimension."""

    therapist: object
    rows: list[Row] = field(default_factory=list)
    ruptures: Counter = field(default_factory=Counter)
    dimensions: list[DimensionMean] = field(default_factory=list)

    @property
    def off_track(self) -> list[Row]:
        return [row for row in self.rows if row.track and row.track.off_track]

    @property
    def unrepaired(self) -> int:
        return self.ruptures[RuptureStatus.UNREPAIRED]

    @property
    def share_repaired(self) -> float | None:
        """Repaired among the ruptures whose outcome is known (open ones are left out)."""
        decided = self.ruptures[RuptureStatus.REPAIRED] + self.unrepaired
        return self.ruptures[RuptureStatus.REPAIRED] / decided if decided else None


def team_figures(viewer, therapists) -> list[TherapistFigures]:
    """Figures for each of these therapists, as this viewer may see them (constant queries)."""
    figures = {t.pk: TherapistFigures(t) for t in therapists}
    for row in build_rows(viewer):
        if row.client.therapist_id in figures:
            figures[row.client.therapist_id].rows.append(row)
    ruptures = Rupture.objects.filter(
        client__in=visible_clients(viewer), client__therapist__in=list(figures)
    )
    for therapist_id, status in ruptures.values_list("client__therapist_id", "status"):
        figures[therapist_id].ruptures[status] += 1
    means = dimension_means(viewer.clinic_id)
    for pk, figure in figures.items():
        figure.dimensions = [_dimension(means, pk, dim) for dim in DIMENSIONS]
    return list(figures.values())


def dimension_means(clinic_id: int) -> dict:
    """{(therapist id or CLINIC, dimension): (mean, low, high)} over every client check-in."""
    scores = Response.objects.filter(
        client__clinic_id=clinic_id, instrument=ALLIANCE, respondent=Respondent.CLIENT
    )
    rows = list(scores.values_list("client__therapist_id", "scores"))
    table = dimension_table(rows + [(CLINIC, s) for _, s in rows], DIMENSIONS)
    found = {}
    for (group, dim), values in table.groupby(["group", "dimension"], sort=False)["value"]:
        half = 1.96 * values.std() / np.sqrt(len(values)) if len(values) > 1 else 0.0
        found[group, dim] = (values.mean(), values.mean() - half, values.mean() + half)
    return found


def _dimension(means: dict, therapist_id: int, dim: str) -> DimensionMean:
    mine = means.get((therapist_id, dim), (None, None, None))
    clinic = means.get((CLINIC, dim), (None, None, None))
    return DimensionMean(dim, *mine, *clinic)


def dimension_chart(figures: TherapistFigures) -> SafeString:
    """The therapist's and the clinic's mean per part, with 95% intervals, as an inline SVG."""
    rows = []
    for d in figures.dimensions:
        if d.mean is not None:
            rows.append(
                (f"{d.dimension.capitalize()}: {figures.therapist.username}", d.mean, d.low, d.high)
            )
        if d.clinic is not None:
            rows.append(
                (f"{d.dimension.capitalize()}: clinic", d.clinic, d.clinic_low, d.clinic_high)
            )
    title = "The alliance by part (0-10): this therapist against the clinic"
    return mark_safe(interval_chart(rows, title)) if rows else mark_safe("")  # escaped inside
