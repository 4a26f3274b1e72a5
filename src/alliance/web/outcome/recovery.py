"""Expected recovery for the app: the clinic's fitted curve and where each client stands on it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

import pandas as pd
from django.utils.translation import gettext_lazy as _

from alliance.analysis.trajectories import NOT_ON_TRACK, ExpectedRecovery
from alliance.analysis.trajectories.base import instrument_range, reliable_change_of
from alliance.analysis.trajectories.latest import LatestPlaces
from alliance.web.clinic.instruments import for_clinic
from alliance.web.clinic.models import Respondent, Response
from alliance.web.clinic.tables import outcome_table_from_query, recovery_history
from alliance.web.followup.context import remembered

from .cache import cached, claim_refit, fitted, fitted_or_latest, history_version, keep
from .pairs import latest_pairs, rows_of

RECOVERY_KIND = "expected-recovery:{outcome}"  # the cache's name for the fitted course
TRACK_WORDS = {
    "on-track": _("on track"),
    NOT_ON_TRACK: _("not on track"),
    "better-than-expected": _("better than expected"),
}
DEFAULT_NOTE = _(
    "This clinic has too little history of its own for part of the expected course, "
    "so the project's default curve is used there: treat the band as a rough guide."
)


@dataclass(frozen=True)
class Track:
    """One client's latest outcome against the expected band at that session."""

    status: str
    session: int
    outcome: float
    expected: float
    lower: float
    upper: float
    default_curve: bool
    projected_change: float | None = None  # the graded signal: change from intake the course
    # so far points to (below 0 is better)
    above_band: bool = False  # the latest score alone is above the expected range

    @property
    def words(self) -> str:
        return TRACK_WORDS[self.status]

    @property
    def off_track(self) -> bool:
        return self.status == NOT_ON_TRACK


def fit_recovery(clinic_id: int, outcome: str | None = None) -> ExpectedRecovery:
    """Fit the expected course on every score of the clinic's outcome measure (one query)."""
    outcome = outcome or for_clinic(clinic_id).outcome
    scores = Response.objects.filter(
        client__clinic_id=clinic_id, instrument=outcome, respondent=Respondent.CLIENT
    )
    history = recovery_history(outcome_table_from_query(scores), outcome)
    return ExpectedRecovery(
        scale_range=instrument_range(outcome), reliable_change=reliable_change_of(outcome)
    ).fit(history)


def clinic_recovery(
    clinic_id: int, version: tuple[int, int] | None = None, outcome: str | None = None
) -> ExpectedRecovery:
    """The clinic's expected course on its outcome, from the cache unless its history moved on."""
    outcome = outcome or for_clinic(clinic_id).outcome
    version = version if version is not None else history_version(clinic_id, outcome)
    fit = partial(fit_recovery, clinic_id, outcome)
    return fitted(RECOVERY_KIND.format(outcome=outcome), clinic_id, fit, version)


def follow_up_recovery(clinic_id: int, outcome: str) -> ExpectedRecovery:
    """The clinic's expected course for a follow-up (see `follow_up_course`)."""
    return follow_up_course(clinic_id, outcome)[0]


def follow_up_course(clinic_id: int, outcome: str) -> tuple[ExpectedRecovery, tuple[int, int]]:
    """(the clinic's expected course for a follow-up, the history version it was fitted on):
    never refitted in line. A stale model is used as it is while a refit task, queued once per
    version, brings the cache up to date. Within a follow-up every step gets the same model
    (alliance.web.followup.context.remembering)."""
    key = ("follow-up-course", clinic_id, outcome)
    return remembered(key, lambda: _follow_up_course(clinic_id, outcome))


def _follow_up_course(clinic_id: int, outcome: str) -> tuple[ExpectedRecovery, tuple[int, int]]:
    version = history_version(clinic_id, outcome)
    kind = RECOVERY_KIND.format(outcome=outcome)
    fit = partial(fit_recovery, clinic_id, outcome)
    found = fitted_or_latest(kind, clinic_id, version, fit)
    if found[1] != version and claim_refit(kind, clinic_id, version):
        from .tasks import refit_recovery

        refit_recovery.enqueue(clinic_id, outcome)
        # a backend that runs tasks when queued (the tests') has refitted by now
        found = fitted_or_latest(kind, clinic_id, version, fit)
    return found


def refit_if_stale(clinic_id: int, outcome: str) -> bool:
    """Fit and cache the clinic's expected course unless the current one is cached; True if it
    fitted."""
    version = history_version(clinic_id, outcome)
    kind = RECOVERY_KIND.format(outcome=outcome)
    if cached(kind, clinic_id, version):
        return False
    keep(kind, clinic_id, version, fit_recovery(clinic_id, outcome))
    return True


def tracks(model: ExpectedRecovery, table: pd.DataFrame, outcome: str) -> dict:
    """{client_id: Track} for clients with an intake and a later score of `outcome` in an
    `outcome_table`, placed in bulk."""
    return tracks_from_rows(model, rows_of(table, outcome))


def tracks_from_rows(model: ExpectedRecovery, rows: Iterable[tuple]) -> dict:
    """`tracks` of (client_id, episode_id, session number, total) rows of one outcome, without
    building a table: the follow-up of one check-in places one client."""
    return _tracks(model, [pair for pair in latest_pairs(rows) if pair[4] > 1])


def _tracks(model: ExpectedRecovery, pairs: list[tuple]) -> dict:
    if not pairs:
        return {}
    _, intake, latest, _, course = zip(*pairs, strict=True)
    placed = model.place_latest(intake, course, latest)
    return {pair[0]: _track(placed, i, pair[3]) for i, pair in enumerate(pairs)}


def _track(placed: LatestPlaces, i: int, session: int) -> Track:
    return Track(
        str(placed.status[i]),
        session,
        float(placed.outcome[i]),
        float(placed.expected[i]),
        float(placed.lower[i]),
        float(placed.upper[i]),
        placed.source[i] == "default",
        float(placed.projected_change[i]),
        placed.band_status[i] == NOT_ON_TRACK,
    )


def expected_curve(
    model: ExpectedRecovery, intake: float, first_session: int, last_session: int
) -> list[tuple[int, float, float, float]]:
    """(session number, expected, lower, upper) from the first score to a few sessions ahead."""
    numbers = list(range(first_session, max(last_session, first_session + 1) + 3))
    band = model.predict(intake, [n - first_session + 1 for n in numbers])
    return [
        (n, e, lo, hi)
        for n, e, lo, hi in zip(
            numbers, band["expected"], band["lower"], band["upper"], strict=True
        )
    ]
