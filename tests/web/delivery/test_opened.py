"""A client opening the link of a sent check-in marks its delivery opened, once: a later open
writes nothing, and a link without a delivery never writes."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.web.checkin.links import create_link
from alliance.web.delivery.models import Channel, Delivery, Status


def _open(token: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert HttpClient().get(reverse("checkin", args=[token])).status_code == 200
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]


def _delivered(theos_client, theo, status: str) -> tuple[Delivery, str]:
    session = theos_client.sessions.get()
    link, token = create_link(session, by=theo)
    delivery = Delivery.objects.create(
        session=session, link=link, channel=Channel.EMAIL, status=status
    )
    return delivery, token


@pytest.mark.parametrize("status", [Status.SENT, Status.REMINDED])
def test_the_first_open_of_a_sent_link_marks_it_opened(theos_client, theo, status):
    delivery, token = _delivered(theos_client, theo, status)
    assert len(_open(token)) == 1
    delivery.refresh_from_db()
    assert delivery.status == Status.OPENED and delivery.opened_at is not None


def test_a_later_open_writes_nothing(theos_client, theo):
    delivery, token = _delivered(theos_client, theo, Status.SENT)
    _open(token)
    first = Delivery.objects.get(pk=delivery.pk).opened_at
    assert _open(token) == []
    assert Delivery.objects.get(pk=delivery.pk).opened_at == first


def test_an_open_keeps_any_other_status_and_notes_the_time(theos_client, theo):
    delivery, token = _delivered(theos_client, theo, Status.FAILED)
    before = timezone.now() - dt.timedelta(seconds=1)
    _open(token)
    delivery.refresh_from_db()
    assert delivery.status == Status.FAILED and delivery.opened_at > before


def test_a_link_without_a_delivery_writes_nothing(checkin_token):
    assert _open(checkin_token) == []
