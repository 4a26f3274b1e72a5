import datetime as dt

import time_machine
from django.urls import reverse
from django.utils import timezone

from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import CheckinLink, ClinicSettings, Response


def test_a_used_link_shows_a_kind_message_and_stores_nothing_more(
    client, checkin_token, theos_client, valid_answers
):
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


def test_a_submit_racing_a_finished_one_cannot_store_twice(
    client, checkin_token, theos_client, valid_answers
):
    """The loser of a race: the link was marked used after its page was shown."""
    CheckinLink.objects.update(used_at=timezone.now())
    page = client.post(reverse("checkin", args=[checkin_token]), valid_answers(theos_client))
    assert page.status_code == 410 and "already been used" in page.content.decode()
    assert not Response.objects.exists()
