"""Per-therapist figures for the supervision report and the team dashboard, in bulk."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from math import sqrt

from alliance.web.caseload.clinic_figures import clinic_figures
from alliance.web.caseload.query import Row, all_rows, summaries
from alliance.web.clinic.instruments import DIMENSIONS
from alliance.web.clinic.models import Rupture, RuptureStatus

CLINIC = "clinic"
Z95 = 1.96


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
    active_count: int = 0
    off_track_count: int = 0

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


def team_figures(viewer, therapists, *, with_rows: bool = True) -> list[TherapistFigures]:
    """Figures for each of these therapists (ones the viewer may review): the clinic's stored
    sums over the client summaries and one count of ruptures, so a constant number of queries
    whatever the history or the team; `with_rows` adds every active client's row (the
    supervision report of one therapist)."""
    figures = {t.pk: TherapistFigures(t) for t in therapists}
    stored = clinic_figures(viewer.clinic_id)
    means = {(CLINIC, dim): found for dim, found in _means(stored["clinic"]).items()}
    for pk, figure in figures.items():
        found = stored["therapists"].get(str(pk))
        if found:
            figure.active_count, figure.off_track_count = found["active"], found["off"]
            means |= {(pk, dim): mean for dim, mean in _means(found).items()}
    if with_rows:
        for row in all_rows(summaries(viewer, therapist_ids=list(figures))):
            figures[row.client.therapist_id].rows.append(row)
    ruptures = Rupture.objects.filter(
        client__clinic_id=viewer.clinic_id, client__therapist__in=list(figures)
    )
    for therapist_id, status in ruptures.values_list("client__therapist_id", "status"):
        figures[therapist_id].ruptures[status] += 1
    for pk, figure in figures.items():
        figure.dimensions = [_dimension(means, pk, dim) for dim in DIMENSIONS]
    return list(figures.values())


def _means(sums: dict) -> dict:
    """{dimension: (mean, low, high)} of the check-ins these sums add up."""
    found = {}
    for dim in DIMENSIONS:
        interval = _interval(sums[f"{dim}_n"], sums[f"{dim}_sum"], sums[f"{dim}_squares"])
        if interval is not None:
            found[dim] = interval
    return found


def _interval(n, total, squares) -> tuple[float, float, float] | None:
    """Mean and 95% interval of a sample known by its count, sum and sum of squares."""
    if not n:
        return None
    mean = total / n
    if n == 1:
        return mean, mean, mean
    half = Z95 * sqrt(max(squares - total * total / n, 0.0) / (n - 1)) / sqrt(n)
    return mean, mean - half, mean + half


def _dimension(means: dict, therapist_id: int, dim: str) -> DimensionMean:
    mine = means.get((therapist_id, dim), (None, None, None))
    clinic = means.get((CLINIC, dim), (None, None, None))
    return DimensionMean(dim, *mine, *clinic)
