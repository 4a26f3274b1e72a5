"""Only losing the race for a link (or for its session's answers) says "already used"; any other
database error is raised, and in every case nothing of the check-in is stored."""

import pytest
from django.db import IntegrityError

from alliance.web.checkin import links
from alliance.web.checkin.links import LinkUnusable, create_link, find_link, redeem, use_up
from alliance.web.clinic.models import AuditEvent, CheckinLink, CheckinSubmission, Response

PHQ = {"phq-9": {str(n): 0 for n in range(1, 10)}}


def test_a_submit_that_lost_the_race_for_its_link_is_told_used(checkin_token, theos_client):
    link = find_link(checkin_token)  # checked before the winner stored its answers
    redeem(checkin_token, PHQ)
    with pytest.raises(LinkUnusable) as problem:
        use_up(link, PHQ)
    assert problem.value.reason == "used"
    assert Response.objects.count() == 1


def test_a_second_link_for_an_answered_session_is_told_used(theos_client, theo):
    session = theos_client.sessions.get()
    _, first = create_link(session, by=theo)
    _, second = create_link(session, by=theo)
    redeem(first, PHQ)
    with pytest.raises(LinkUnusable) as problem:
        redeem(second, PHQ)
    assert problem.value.reason == "used"
    assert Response.objects.count() == 1


def _broken(*args, **kwargs):
    raise IntegrityError("a constraint that has nothing to do with the link")


def test_any_other_integrity_error_is_raised_and_stores_nothing(
    monkeypatch, checkin_token, theos_client
):
    monkeypatch.setattr(CheckinSubmission, "save", _broken)
    with pytest.raises(IntegrityError):
        redeem(checkin_token, PHQ)
    assert not Response.objects.exists()
    assert not AuditEvent.objects.filter(action="checkin-submitted").exists()
    assert find_link(checkin_token).used_at is None


def test_an_error_storing_urgent_answers_keeps_nothing_of_the_checkin(
    monkeypatch, checkin_token, theos_client
):
    monkeypatch.setattr(links, "store_submission", _broken)
    with pytest.raises(IntegrityError):
        redeem(checkin_token, {"phq-9": PHQ["phq-9"] | {"9": 1}})
    assert not CheckinSubmission.objects.exists()
    assert not Response.objects.exists()
    assert CheckinLink.objects.get().used_at is None
