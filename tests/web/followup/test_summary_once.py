"""The alerts a follow-up raises or closes do not each rewrite the client's summary: its last
step sums the client up once, alerts included. Outside a follow-up each change still does."""

from alliance.web.caseload import steps as caseload_steps
from alliance.web.caseload.models import ClientSummary
from alliance.web.clinic.models import Alert, AlertKind
from alliance.web.followup import run

from .conftest import strained_checkin


def _counted(monkeypatch) -> list[list[int]]:
    calls: list[list[int]] = []
    real = caseload_steps.refresh_alerts

    def counted(client_ids):
        calls.append(list(client_ids))
        return real(client_ids)

    monkeypatch.setattr(caseload_steps, "refresh_alerts", counted)
    return calls


def test_a_follow_up_sums_its_alerts_up_once_at_its_end(monkeypatch, queued_tasks, steady_client):
    strained_checkin(steady_client)
    calls = _counted(monkeypatch)
    assert run.follow_up_client(steady_client.pk)
    raised = Alert.objects.open().filter(client=steady_client)
    assert raised.filter(kind=AlertKind.RUPTURE).exists()
    assert calls == []
    summary = ClientSummary.objects.get(client=steady_client)
    assert summary.open_alerts == raised.count()
    assert [kind for _, kind in summary.alert_badges] == [a.kind for a in raised.order_by("-pk")]


def test_an_alert_closed_outside_a_follow_up_rewrites_the_summary(
    monkeypatch, queued_tasks, steady_client
):
    strained_checkin(steady_client)
    assert run.follow_up_client(steady_client.pk)
    calls = _counted(monkeypatch)
    alert = Alert.objects.open().filter(client=steady_client).first()
    alert.close("Talked it through.")
    assert calls and all(ids == [steady_client.pk] for ids in calls)
    summary = ClientSummary.objects.get(client=steady_client)
    assert summary.open_alerts == Alert.objects.open().filter(client=steady_client).count()
