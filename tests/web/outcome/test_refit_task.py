"""A follow-up never refits the clinic's expected course inside its work: when the history has
moved on it uses the clinic's latest model and queues the refit as a task of its own, once."""

from django_tasks_db.models import DBTaskResult

from alliance.analysis.trajectories import ExpectedRecovery
from alliance.web.outcome import cache as model_cache
from alliance.web.outcome.recovery import RECOVERY_KIND, follow_up_recovery
from tests.web.outcome_helpers import store_series
from tests.web.worker_helpers import run_worker

KIND = RECOVERY_KIND.format(outcome="phq-9")


def _refits() -> list[str]:
    return list(
        DBTaskResult.objects.filter(task_path__endswith="refit_recovery").values_list(
            "status", flat=True
        )
    )


def test_a_stale_model_is_used_while_its_refit_waits_as_a_task(
    worker, clinic, theo, make_client, monkeypatch
):
    fits = []
    original = ExpectedRecovery.fit
    monkeypatch.setattr(
        ExpectedRecovery, "fit", lambda self, t: fits.append(len(t)) or original(self, t)
    )
    client = make_client(theo, sessions=2)
    store_series(client, [15, 12])
    assert follow_up_recovery(clinic.pk, "phq-9") is not None  # nothing cached: fitted now
    assert len(fits) == 1 and _refits() == []
    other = make_client(theo, sessions=model_cache.REFIT_EVERY)
    store_series(other, [15] * model_cache.REFIT_EVERY)  # the history moved on a version
    assert follow_up_recovery(clinic.pk, "phq-9") is not None
    assert follow_up_recovery(clinic.pk, "phq-9") is not None
    assert len(fits) == 1  # not refitted in line
    assert _refits() == ["READY"]  # queued once for the two follow-ups
    run_worker()
    assert len(fits) == 2 and _refits() == ["SUCCESSFUL"]
    version = model_cache.history_version(clinic.pk, "phq-9")
    assert model_cache.cached(KIND, clinic.pk, version)
