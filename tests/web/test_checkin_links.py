import datetime as dt

import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from alliance.web.checkin.links import LinkUnusable, create_link, redeem
from alliance.web.clinic.models import CheckinLink, ClinicSettings, Response


def test_a_used_link_shows_a_kind_message_and_stores_nothing_more(
        client, checkin_token, theos_client, valid_answers):
    url = reverse("checkin", args=[checkin_token])
    client.post(url, valid_answers(theos_client))
    again = client.post(url, valid_answers(theos_client, **{"phq-9__1": "3"}))
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert Response.objects.filter(instrument="phq-9").get().scores["total"] == 8


def test_it_rejects_an_expired_link(client, checkin_token, theos_client, valid_answers):
    url = reverse("checkin", args=[checkin_token])
    with time_machine.travel(timezone.now() + dt.timedelta(hours=72, seconds=1)):
        assert client.get(url).status_code == 410
        page = client.post(url, valid_answers(theos_client))
    assert "expired" in page.content.decode()
    assert not Response.objects.exists()


def test_a_link_still_works_just_before_it_expires(client, checkin_token):
    with time_machine.travel(timezone.now() + dt.timedelta(hours=71, minutes=59)):
        assert client.get(reverse("checkin", args=[checkin_token])).status_code == 200


def test_the_lifetime_comes_from_the_clinic_settings(theos_client, theo):
    ClinicSettings.objects.create(clinic=theos_client.clinic, link_lifetime_hours=2)
    link, _ = create_link(theos_client.sessions.get(), by=theo)
    assert link.expires_at - link.created_at == dt.timedelta(hours=2)


def test_it_rejects_a_tampered_link(client, checkin_token, theos_client, valid_answers):
    tampered = checkin_token[:-1] + ("A" if checkin_token[-1] != "A" else "B")
    page = client.post(reverse("checkin", args=[tampered]), valid_answers(theos_client))
    assert page.status_code == 404
    assert "could not find this check-in" in page.content.decode()
    assert not Response.objects.exists()


def test_a_second_redeem_of_the_same_token_stores_nothing(checkin_token, theos_client):
    answers = {"phq-9": {str(n): 0 for n in range(1, 10)}}
    redeem(checkin_token, answers)
    try:
        redeem(checkin_token, answers)
    except LinkUnusable as problem:
        assert problem.reason == "used"
    assert Response.objects.count() == 1


def test_a_redeem_racing_a_finished_one_cannot_store_twice(checkin_token, theos_client):
    """Simulate the loser of a race: the link row was marked used after the form was checked."""
    CheckinLink.objects.update(used_at=timezone.now())
    answers = {"phq-9": {str(n): 0 for n in range(1, 10)}}
    raised = None
    try:
        redeem(checkin_token, answers)
    except LinkUnusable as problem:
        raised = problem.reason
    assert raised == "used"
    assert not Response.objects.exists()


def test_redeem_uses_up_the_link_with_one_conditional_update_in_its_transaction(
        settings, checkin_token, theos_client):
    from django.test.utils import CaptureQueriesContext

    settings.FOLLOW_UP = "background"  # only the submit's own queries
    answers = {"phq-9": {str(n): 0 for n in range(1, 10)}}
    with CaptureQueriesContext(connection) as queries:
        redeem(checkin_token, answers)
    link_sql = [q["sql"] for q in queries.captured_queries if "clinic_checkinlink" in q["sql"]]
    assert [sql.split()[0] for sql in link_sql] == ["SELECT", "UPDATE"]
    assert '"used_at" IS NULL' in link_sql[1] and '"expires_at" >' in link_sql[1]
