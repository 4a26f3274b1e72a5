"""On PostgreSQL the check-in link's query is prepared once per connection and then only run
(nothing else is prepared); turned off, or on SQLite, it runs as any other query. Either way the
page reads the same link."""

import pytest
from django.db import connection
from django.test import Client as HttpClient
from django.urls import reverse

from alliance.web.checkin.links import hash_token
from alliance.web.checkin.opening import read_link

postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@postgresql
def test_the_link_query_is_prepared_once_and_nothing_else(checkin_token, theos_client):
    for _ in range(3):
        link = read_link(hash_token(checkin_token))
        assert link.client_id == theos_client.pk and link.goals and not link.submitted
    prepared = _prepared_statements()
    assert len(prepared) == 1 and "clinic_checkinlink" in prepared[0]


@postgresql
def test_turned_off_the_link_query_is_not_prepared(monkeypatch, checkin_token, theos_client):
    connection.ensure_connection()
    monkeypatch.setattr(connection.connection, "prepare_threshold", None)
    assert read_link(hash_token(checkin_token)).client_id == theos_client.pk
    assert _prepared_statements() == []


def test_the_page_reads_its_link_whether_prepared_or_not(checkin_token, theos_client):
    for _ in range(2):  # the second run uses the prepared statement on PostgreSQL
        page = HttpClient().get(reverse("checkin", args=[checkin_token]))
        assert page.status_code == 200 and 'name="phq-9__9"' in page.content.decode()
