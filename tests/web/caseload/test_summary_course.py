"""The caseload summary places each client on the expected course the follow-up uses: it never
refits the clinic's course in line; a stale course is used, with its version kept, until the
refit task has run, and the next follow-up then places everyone placed on the old one again."""

from alliance.analysis.trajectories import ExpectedRecovery
from alliance.web.caseload.models import ClientSummary
from alliance.web.caseload.summary import compute
from alliance.web.outcome.cache import REFIT_EVERY
from tests.web.outcome_helpers import alliance, phq, store_series
from tests.web.summary_helpers import store_and_follow_up


def _versions() -> set[str]:
    return set(ClientSummary.objects.values_list("track_version", flat=True))


def test_a_stale_course_is_used_until_its_refit_then_everyone_is_placed_again(
    worker, theo, make_client, monkeypatch
):
    fits = []
    original = ExpectedRecovery.fit
    monkeypatch.setattr(
        ExpectedRecovery, "fit", lambda self, t: fits.append(1) or original(self, t)
    )
    first = make_client(theo, sessions=2)
    store_series(first, [15, 12], follow_up=True)
    assert len(fits) == 1  # nothing cached yet: fitted once
    other = make_client(theo, sessions=REFIT_EVERY + 1)
    store_series(other, [16] * REFIT_EVERY, follow_up=True)  # the history moves on a version
    assert len(fits) == 1  # not in line: the refit waits as a task
    assert _versions() == {"phq-9:0:0"}  # placed on the course they were placed with
    worker()
    assert len(fits) == 2
    answers = {"alliance-checkin": alliance(8), "phq-9": phq(14)}
    store_and_follow_up(other.sessions.get(number=REFIT_EVERY + 1), answers)
    assert len(fits) == 2
    assert _versions() == {"phq-9:0:1"}  # the first client too, placed again from their row
    stored = ClientSummary.objects.get(client=first)
    (recomputed,) = compute([first.pk], first.clinic_id)
    assert (stored.track, stored.track_expected) == (recomputed.track, recomputed.track_expected)
    assert stored.track_version == recomputed.track_version
