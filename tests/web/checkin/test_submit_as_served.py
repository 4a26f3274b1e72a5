"""A submit as the server runs it, outside any transaction, with its task queued in the database:
the kept answers and their follow-up task commit or roll back together."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from alliance.web.checkin import links, views
from alliance.web.checkin.links import find_link_to_submit
from alliance.web.clinic.models import Alert, CheckinLink, CheckinSubmission, Response

pytestmark = pytest.mark.django_db(transaction=True)


def _submit(client, token: str, answers: dict):
    return client.post(reverse("checkin", args=[token]), answers)


def test_a_kept_checkin_and_its_follow_up_task_commit_together(
    client, queued_tasks, checkin_token, theos_client, valid_answers
):
    page = _submit(client, checkin_token, valid_answers(theos_client))
    assert page.status_code == 302 and "/thanks/" in page["Location"]
    kept = CheckinSubmission.objects.get()
    assert kept.answers["phq-9"]["9"] == 0 and kept.stored_at is None
    assert DBTaskResult.objects.filter(args_kwargs__args=[theos_client.pk]).count() == 1


def test_losing_the_race_for_the_link_keeps_nothing_more_and_queues_nothing(
    client, queued_tasks, monkeypatch, checkin_token, theos_client, valid_answers
):
    stale = find_link_to_submit(checkin_token)
    assert _submit(client, checkin_token, valid_answers(theos_client)).status_code == 302
    monkeypatch.setattr(views, "find_link_to_submit", lambda token: stale)
    page = _submit(client, checkin_token, valid_answers(theos_client))
    assert page.status_code == 410 and "already been used" in page.content.decode()
    assert CheckinSubmission.objects.count() == 1 and DBTaskResult.objects.count() == 1


def test_urgent_answers_are_stored_with_their_alert_in_the_submit(
    client, queued_tasks, checkin_token, theos_client, valid_answers
):
    _submit(client, checkin_token, valid_answers(theos_client, **{"phq-9__9": "2"}))
    assert Alert.objects.filter(client=theos_client, severity="urgent").count() == 1
    assert Response.objects.filter(client=theos_client, instrument="phq-9").count() == 1
    assert CheckinLink.objects.get().used_at is not None


def test_an_error_while_storing_urgent_answers_rolls_the_whole_submit_back(
    client, queued_tasks, monkeypatch, checkin_token, theos_client, valid_answers
):
    def broken(*args, **kwargs):
        raise IntegrityError("a constraint that has nothing to do with the link")

    monkeypatch.setattr(links, "store_submission", broken)
    with pytest.raises(IntegrityError):
        _submit(client, checkin_token, valid_answers(theos_client, **{"phq-9__9": "1"}))
    assert not CheckinSubmission.objects.exists() and not DBTaskResult.objects.exists()
    assert _submit(client, checkin_token, valid_answers(theos_client)).status_code == 302
