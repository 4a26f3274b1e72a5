"""With the follow-up queued in the database (as deployed), the submit's two inserts are sent one
behind the other (PostgreSQL's pipeline mode): the check-in and its queued follow-up are kept
together or not at all, an error of either is raised within the submit, and losing the race for
the link still says "already used"."""

import pytest
from django.db import DatabaseError, connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from alliance.web.checkin import links, views
from alliance.web.checkin.links import find_link, find_link_to_submit
from alliance.web.clinic.models import CheckinSubmission


def _submit(client, token: str, answers: dict):
    return client.post(reverse("checkin", args=[token]), answers)


def test_the_check_in_and_its_follow_up_are_kept_together(
    queued_tasks, client, checkin_token, theos_client, valid_answers
):
    assert _submit(client, checkin_token, valid_answers(theos_client)).status_code == 302
    kept = CheckinSubmission.objects.get()
    assert kept.link.session.client == theos_client and kept.stored_at is None
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("follow_up") and queued.args_kwargs["args"] == [
        theos_client.pk
    ]


def _failing_queue(client_id: int) -> None:
    """A statement whose answer nothing waits for, failing in the database."""
    connection.cursor().execute("INSERT INTO no_such_table VALUES (1)")


def test_an_error_of_the_queued_insert_keeps_nothing_of_the_check_in(
    queued_tasks, client, monkeypatch, checkin_token, theos_client, valid_answers
):
    monkeypatch.setattr(links, "queue_follow_up", _failing_queue)
    with pytest.raises(DatabaseError):
        _submit(client, checkin_token, valid_answers(theos_client))
    assert not CheckinSubmission.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert find_link(checkin_token).used_at is None


def test_losing_the_race_is_told_used_with_the_follow_up_queued_in_the_database(
    queued_tasks, client, monkeypatch, checkin_token, theos_client, valid_answers
):
    stale = find_link_to_submit(checkin_token)  # read before the winner kept its answers
    assert _submit(client, checkin_token, valid_answers(theos_client)).status_code == 302
    monkeypatch.setattr(views, "find_link_to_submit", lambda token: stale)
    again = _submit(client, checkin_token, valid_answers(theos_client))
    assert again.status_code == 410 and "already been used" in again.content.decode()
    assert CheckinSubmission.objects.count() == DBTaskResult.objects.count() == 1
