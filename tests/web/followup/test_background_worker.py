"""By default the follow-up runs in a background thread of the server process after the commit."""

import pytest

from alliance.web.clinic.models import Alert, Rupture
from alliance.web.followup import worker
from alliance.web.followup.models import PendingFollowUp

from .conftest import strained_checkin


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_follow_up_once_the_checkin_is_committed(settings, steady_client):
    settings.FOLLOW_UP = "background"
    strained_checkin(steady_client)
    worker.wait_until_idle()
    rupture = Rupture.objects.get()
    assert rupture.onset_session == 5 and rupture.alert.kind == "rupture"
    assert list(Alert.objects.open().values_list("kind", flat=True)) == ["rupture"]
    assert not PendingFollowUp.objects.exists()


@pytest.mark.django_db  # the worker thread looks after its own database connection
def test_follow_ups_of_one_client_queued_together_run_once(monkeypatch):
    ran: list[int] = []
    monkeypatch.setattr(worker, "follow_up_client", lambda client_id: ran.append(client_id))
    monkeypatch.setattr(worker, "PAUSE", 0.2)
    worker.request_started()  # a request is being served: queued follow-ups wait for a pause
    try:
        first, second, other = worker.submit(7), worker.submit(7), worker.submit(8)
    finally:
        worker.request_finished()
    worker.wait_until_idle()
    assert first is not None and second is None and other is not None
    assert ran == [7, 8]
