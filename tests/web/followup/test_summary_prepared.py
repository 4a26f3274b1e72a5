"""The client's summary for the caseload is mostly computed before the follow-up's transaction:
what the answers make is prepared, what the analysis changes (the open alerts) is read when the
row is written, and answers that arrive in between have it summed up again inside."""

from django.db import transaction
from django.forms.models import model_to_dict

from alliance.web.caseload import summary
from alliance.web.caseload.models import ClientSummary
from alliance.web.caseload.steps import PREPARED
from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Alert
from alliance.web.followup import run
from alliance.web.followup.models import PendingFollowUp
from alliance.web.followup.schedule import mark_follow_up
from alliance.web.followup.steps import ANALYSE, PREPARE, steps
from tests.web.outcome_helpers import alliance, phq

from .conftest import strained_checkin

UNSUMMED = {"updated_at", "revision"}  # when and with which draw a row was written


def _stored(client) -> dict:
    row = ClientSummary.objects.get(client=client)
    return {k: v for k, v in model_to_dict(row).items() if k not in UNSUMMED}


def _recomputed(client) -> dict:
    (row,) = summary.compute([client.pk], client.clinic_id)
    return {k: v for k, v in model_to_dict(row).items() if k not in UNSUMMED}


def _spy_on_summing(monkeypatch) -> list[bool]:
    """Record, for each summing of the answers, whether it ran inside a transaction of the
    follow-up (the test's own, around everything, does not count)."""
    inside: list[bool] = []
    real = summary.sum_history
    outer = len(transaction.get_connection().atomic_blocks)

    def spied(client_ids, clinic_id):
        if client_ids:
            inside.append(len(transaction.get_connection().atomic_blocks) > outer)
        return real(client_ids, clinic_id)

    monkeypatch.setattr(summary, "sum_history", spied)
    monkeypatch.setattr("alliance.web.caseload.steps.sum_history", spied)
    return inside


def test_the_answers_are_summed_up_before_the_transaction_and_the_alerts_inside(
    monkeypatch, queued_tasks, steady_client
):
    assert strained_checkin(steady_client).status_code == 200
    inside = _spy_on_summing(monkeypatch)
    assert run.follow_up_client(steady_client.pk)
    assert inside == [False]  # prepared; inside, nothing was left to sum up
    stored = _stored(steady_client)
    assert stored == _recomputed(steady_client)
    assert stored["goal_n"] == 5  # every check-in, the strained one too
    opened = Alert.objects.open().filter(client=steady_client).count()
    assert stored["open_alerts"] == opened > 0  # raised by the analysis, counted at the write


def test_answers_arriving_after_the_preparing_are_summed_up_inside(
    monkeypatch, queued_tasks, steady_client
):
    assert strained_checkin(steady_client).status_code == 200
    session = steady_client.sessions.get(number=6)
    inside = _spy_on_summing(monkeypatch)
    seen: list[bool] = []

    def answers_arrive(follow_ups) -> None:
        with transaction.atomic():
            answers = {"alliance-checkin": alliance(3), "phq-9": phq(23)}
            store_answers(session, answers, respondent="client")
            mark_follow_up(session, source="client")

    def spy(follow_up) -> None:
        seen.append(PREPARED in follow_up.prepared)

    real = steps
    added = {PREPARE: [answers_arrive], ANALYSE: [spy]}
    monkeypatch.setattr(run, "steps", lambda stage: [*real(stage), *added.get(stage, [])])
    assert run.follow_up_client(steady_client.pk)
    assert seen == [False]  # dropped: the markers moved on
    assert inside == [False, True]  # prepared, then summed up again inside
    stored = _stored(steady_client)
    assert stored == _recomputed(steady_client)
    assert stored["goal_n"] == 6 and stored["outcome"] == 23  # session 6 is in it
    assert not PendingFollowUp.objects.exists()
