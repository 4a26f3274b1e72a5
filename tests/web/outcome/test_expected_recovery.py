"""Expected recovery in the app: the default curve with a note when history is small, the clinic's
own curve once there is enough, and a model fitted once per history version, not per request."""

from django.urls import reverse

from alliance.analysis.trajectories import ExpectedRecovery
from alliance.web.outcome import cache as model_cache
from alliance.web.outcome.recovery import clinic_recovery
from tests.web.outcome_helpers import seed_clinic_history, store_series


def test_with_little_history_the_default_curve_is_used_and_said(login, theo, make_client):
    client = make_client(theo, code="C-NEW", sessions=3)
    store_series(client, [18, 14, 12], follow_up=True)
    page = login(theo)
    html = page.get(reverse("client", args=[client.code])).content.decode()
    assert "too little history of its own" in html
    assert 'class="track on-track">on track<' in html
    assert 'class="series expected"' in html  # the band is drawn on the outcome chart
    caseload = page.get(reverse("caseload")).content.decode()
    assert "on track" in caseload and "too little history of its own" in caseload


def test_with_enough_history_the_clinics_own_curve_is_used(clinic, login, theo, make_client):
    seed_clinic_history(clinic, theo, n_clients=90, seed=4)
    model = clinic_recovery(clinic.pk)
    own = model.summary[model.summary["source"] == "clinic"]
    assert not own.empty  # at least one intake stratum has its own curve
    client = make_client(theo, code="C-MID", sessions=3)
    store_series(client, [17, 15, 13])
    html = login(theo).get(reverse("client", args=[client.code])).content.decode()
    assert "Expected recovery" in html and "At session 3 the PHQ-9 was 13" in html
    assert "too little history of its own" not in html


def test_a_client_far_above_the_band_is_not_on_track(login, theo, make_client):
    client = make_client(theo, code="C-WORSE", sessions=4)
    store_series(client, [20, 22, 23, 24], follow_up=True)
    caseload = login(theo).get(reverse("caseload")).content.decode()
    assert 'class="track not-on-track">not on track<' in caseload
    assert "alliance no change" in caseload  # the alliance trend beside it


def test_the_model_is_fitted_once_per_history_version(login, theo, make_client, monkeypatch):
    fits = []
    original = ExpectedRecovery.fit
    monkeypatch.setattr(
        ExpectedRecovery,
        "fit",
        lambda self, table: fits.append(len(table)) or original(self, table),
    )
    client = make_client(theo, sessions=2)
    store_series(client, [15, 12], follow_up=True)
    page = login(theo)
    for _ in range(3):
        assert page.get(reverse("caseload")).status_code == 200
        assert page.get(reverse("client", args=[client.code])).status_code == 200
    assert len(fits) == 1
    other = make_client(theo, sessions=model_cache.REFIT_EVERY)
    store_series(
        other, [15] * model_cache.REFIT_EVERY, follow_up=True
    )  # the history moved on a step
    page.get(reverse("caseload"))
    assert len(fits) == 2
