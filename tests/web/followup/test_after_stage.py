"""The AFTER steps run once per run of the worker, over every client it analysed, outside the
clients' transactions: the clinic's stale placements are checked once however many clients the
run took, and a failing AFTER step leaves every client done."""

from alliance.web.caseload import steps as caseload_steps
from alliance.web.followup import run
from alliance.web.followup.models import PendingFollowUp
from alliance.web.followup.steps import AFTER
from tests.web.checkin_helpers import submit_checkin


def _three_waiting(make_client, theo) -> list:
    clients = [make_client(theo, code=f"C-AFTER-{n}", sessions=3) for n in range(3)]
    for client in clients:
        submit_checkin(client, 1, rating=8)
    return clients


def test_the_clinics_stale_placements_are_checked_once_per_run(
    queued_tasks, monkeypatch, make_client, theo
):
    clients = _three_waiting(make_client, theo)
    checked: list[int] = []
    real = caseload_steps.replace_stale_tracks
    monkeypatch.setattr(
        caseload_steps,
        "replace_stale_tracks",
        lambda clinic_id, version=None: checked.append(clinic_id) or real(clinic_id, version),
    )
    assert run.follow_up_client(clients[0].pk)
    assert checked == [theo.clinic_id]
    assert not PendingFollowUp.objects.exists()


def test_a_failing_after_step_leaves_the_clients_done(
    queued_tasks, monkeypatch, make_client, theo, caplog
):
    clients = _three_waiting(make_client, theo)

    def breaks(follow_ups) -> None:
        raise RuntimeError("the clinic's part broke")

    real = run.steps
    monkeypatch.setattr(run, "steps", lambda stage: [breaks] if stage == AFTER else real(stage))
    outcome = run.follow_up_waiting([client.pk for client in clients])
    assert outcome.ok and outcome.done == {client.pk for client in clients}
    assert not PendingFollowUp.objects.exists()
    assert "the follow-up's last step failed" in caplog.text
