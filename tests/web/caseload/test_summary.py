"""The client summary the caseload and the team page read is the history summed up: after the
demo's follow-ups and a therapist's acknowledging, snoozing and ending through the pages, every
row equals a recomputation from the whole history."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.urls import reverse

from alliance.web.caseload.models import ClientSummary
from alliance.web.caseload.summary import compute
from alliance.web.clinic.models import Alert, Client, Severity
from alliance.web.demo.seed import seed_demo
from tests.web.conftest import verify_second_step

TODAY = dt.date(2026, 11, 20)
KEPT = [  # when and with which revision a row was written are not part of the sum
    f for f in ClientSummary._meta.concrete_fields if f.name not in {"updated_at", "revision"}
]


def _fields(summary: ClientSummary) -> dict:
    found = model_to_dict(summary, fields=[f.name for f in KEPT])
    return {k: round(v, 9) if isinstance(v, float) else v for k, v in found.items()}


def _recomputed() -> dict[int, dict]:
    found = {}
    for clinic_id in Client.objects.values_list("clinic_id", flat=True).distinct():
        ids = Client.objects.filter(clinic_id=clinic_id).values_list("pk", flat=True)
        found |= {row.client_id: _fields(row) for row in compute(ids, clinic_id)}
    return found


def _stored() -> dict[int, dict]:
    return {row.client_id: _fields(row) for row in ClientSummary.objects.all()}


@pytest.fixture
def demo(db):
    seed_demo(n_clients=24, seed=7, today=TODAY)


def _therapists_page(client, alert: Alert):
    therapist = alert.client.therapist
    client.force_login(therapist)
    verify_second_step(client, therapist)
    return client


def _differences(stored: dict, recomputed: dict) -> dict:
    return {
        (pk, name): (value, recomputed.get(pk, {}).get(name))
        for pk, row in stored.items()
        for name, value in row.items()
        if recomputed.get(pk, {}).get(name) != value
    }


def test_the_seeded_summaries_equal_a_recomputation_from_the_history(demo):
    stored = _stored()
    assert len(stored) == Client.objects.count() > 20
    assert _differences(stored, _recomputed()) == {}
    assert any(row["urgent_alerts"] for row in stored.values())  # the demo shows alerts
    assert any(row["track"] == "not-on-track" for row in stored.values())
    assert any(not row["episode_active"] for row in stored.values())


def test_acknowledging_snoozing_and_ending_keep_them_equal(
    demo, client, django_capture_on_commit_callbacks
):
    urgent = Alert.objects.open().filter(severity=Severity.URGENT).first()
    urgent_before = ClientSummary.objects.get(client_id=urgent.client_id).urgent_alerts
    page = _therapists_page(client, urgent)
    page.post(reverse("acknowledge-alert", args=[urgent.pk]), {"next": "/caseload/"})
    warning = Alert.objects.open().exclude(severity=Severity.URGENT).first()
    page = _therapists_page(client, warning)
    until = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    page.post(reverse("snooze-alert", args=[warning.pk]), {"until": until})
    ending = warning.client
    data = {
        "ended": str(ending.sessions.order_by("-number").first().date),
        "ending": "completed",
        "confirm": "yes",
    }
    with django_capture_on_commit_callbacks(execute=True):  # the others are placed again then
        assert page.post(reverse("end-episode", args=[ending.code]), data).status_code == 302
    stored = _stored()
    assert _differences(stored, _recomputed()) == {}
    assert stored[ending.pk]["episode_active"] is False
    assert stored[warning.client_id]["snooze_ends"] is not None
    assert stored[urgent.client_id]["urgent_alerts"] == urgent_before - 1


def test_the_backfill_command_rebuilds_lost_summaries(demo, capsys):
    before = _stored()
    ClientSummary.objects.all().delete()
    call_command("refresh_summaries")
    assert _stored() == before
    assert f"Summaries recomputed for {len(before)} clients." in capsys.readouterr().out


def test_the_backfill_command_names_an_unknown_clinic(db):
    with pytest.raises(Exception, match="--clinic: no clinic with id 999"):
        call_command("refresh_summaries", clinic=999)
