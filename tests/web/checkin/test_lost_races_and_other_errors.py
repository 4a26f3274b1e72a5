"""Only losing the race for a link (or for its session's answers) says "already used"; any other
database error is raised, and in every case nothing of the check-in is stored. Every submit goes
through the check-in page, as a client's phone sends it."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from alliance.web.checkin import links, views
from alliance.web.checkin.links import create_link, find_link, find_link_to_submit
from alliance.web.clinic.models import AuditEvent, CheckinLink, CheckinSubmission, Response


def _submit(client, token: str, answers: dict):
    return client.post(reverse("checkin", args=[token]), answers)


def _told_used(page) -> bool:
    return page.status_code == 410 and "already been used" in page.content.decode()


def test_a_submit_that_lost_the_race_for_its_link_is_told_used(
    client, monkeypatch, checkin_token, theos_client, valid_answers
):
    stale = find_link_to_submit(checkin_token)  # read before the winner kept its answers
    assert _submit(client, checkin_token, valid_answers(theos_client)).status_code == 302
    monkeypatch.setattr(views, "find_link_to_submit", lambda token: stale)
    assert _told_used(_submit(client, checkin_token, valid_answers(theos_client)))
    assert CheckinSubmission.objects.count() == 1
    assert Response.objects.filter(instrument="phq-9").count() == 1


def test_a_second_link_for_an_answered_session_is_told_used(
    client, theos_client, theo, valid_answers
):
    session = theos_client.sessions.get()
    _, first = create_link(session, by=theo)
    _, second = create_link(session, by=theo)
    assert _submit(client, first, valid_answers(theos_client)).status_code == 302
    assert _told_used(_submit(client, second, valid_answers(theos_client)))
    assert Response.objects.filter(instrument="phq-9").count() == 1


def _broken(*args, **kwargs):
    raise IntegrityError("a constraint that has nothing to do with the link")


def test_any_other_integrity_error_is_raised_and_stores_nothing(
    client, monkeypatch, checkin_token, theos_client, valid_answers
):
    monkeypatch.setattr(CheckinSubmission, "save", _broken)
    with pytest.raises(IntegrityError):
        _submit(client, checkin_token, valid_answers(theos_client))
    assert not Response.objects.exists()
    assert not AuditEvent.objects.filter(action="checkin-submitted").exists()
    assert find_link(checkin_token).used_at is None


def test_an_error_storing_urgent_answers_keeps_nothing_of_the_checkin(
    client, monkeypatch, checkin_token, theos_client, valid_answers
):
    monkeypatch.setattr(links, "store_submission", _broken)
    with pytest.raises(IntegrityError):
        _submit(client, checkin_token, valid_answers(theos_client, **{"phq-9__9": "1"}))
    assert not CheckinSubmission.objects.exists()
    assert not Response.objects.exists()
    assert CheckinLink.objects.get().used_at is None
