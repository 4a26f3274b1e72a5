"""After 10 wrong passwords for one user from one address, the right password does not log in
until the cool-off ends or an admin unlocks, and no password is hashed meanwhile."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent
from tests.web.conftest import PASSWORD

ADDRESS = "10.0.0.7"


def _log_in(client, username: str, password: str, address: str = ADDRESS):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _fail_ten_times(client, username: str = "theo") -> None:
    for _ in range(10):
        assert _log_in(client, username, "wrong-password").status_code in (200, 429)


def _logged_in(response) -> bool:
    return response.status_code == 302 and response.url == reverse("home")


@pytest.fixture
def start():
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False) as traveller:
        yield traveller


def test_nine_failures_still_let_the_right_password_in(client, theo, start):
    for _ in range(9):
        _log_in(client, "theo", "wrong-password")
    assert _logged_in(_log_in(client, "theo", PASSWORD))


def test_after_ten_failures_the_right_password_is_refused_with_a_clear_message(client, theo, start):
    _fail_ten_times(client)
    page = _log_in(client, "theo", PASSWORD)
    assert page.status_code == 429 and "Too many wrong passwords" in page.text
    assert "_auth_user_id" not in client.session


def test_the_lock_ends_with_the_cool_off(client, theo, start):
    _fail_ten_times(client)
    start.shift(dt.timedelta(minutes=29))
    assert not _logged_in(_log_in(client, "theo", PASSWORD))
    start.shift(dt.timedelta(minutes=31))
    assert _logged_in(_log_in(client, "theo", PASSWORD))


def test_the_lock_is_for_that_user_from_that_address_only(client, theo, cora, start):
    _fail_ten_times(client)
    assert _logged_in(_log_in(client, "cora", PASSWORD))
    client.logout()
    assert _logged_in(_log_in(client, "theo", PASSWORD, address="10.0.0.8"))


def test_a_locked_login_costs_no_password_hash(client, theo, start, monkeypatch):
    _fail_ten_times(client)
    hashed = []
    monkeypatch.setattr(MD5PasswordHasher, "verify", lambda *args: hashed.append(1))
    monkeypatch.setattr(MD5PasswordHasher, "encode", lambda *args: hashed.append(1))
    for _ in range(5):
        _log_in(client, "theo", "another-guess")
    assert hashed == []


def test_an_admin_unlocks_the_login(client, login, theo, ada, start):
    _fail_ten_times(client)
    login(ada)
    changelist = reverse("admin:accounts_user_changelist")
    data = {"action": "unlock_logins", "_selected_action": [theo.pk]}
    assert client.post(changelist, data).status_code == 302
    assert AuditEvent.objects.filter(action="login-unlocked", actor_name="ada").exists()
    client.logout()
    assert _logged_in(_log_in(client, "theo", PASSWORD))
