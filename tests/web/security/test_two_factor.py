"""Two-factor login: every staff role sets up an authenticator app and gives its code at each
login; recovery codes work once; a clinic may relax it for therapists, never for admins."""

import datetime as dt
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from alliance.web.clinic.models import AuditEvent, ClinicSettings
from tests.web.conftest import PASSWORD


def _password_step(client, user):
    page = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert page.status_code == 302
    return client.get(reverse("caseload"))


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


def test_a_password_alone_leads_to_the_setup_and_a_right_code_finishes_it(client, theo):
    first = _password_step(client, theo)
    assert first.status_code == 302 and first.url.startswith(reverse("two-factor-setup"))
    page = client.get(first.url)
    assert "Set up two-factor login" in page.text and "<svg" in page.text
    device = TOTPDevice.objects.get(user=theo, confirmed=False)
    done = client.post(reverse("two-factor-setup"), {"code": _code(device)})
    codes = re.findall(r"<code>(\w+)</code>", done.text)
    assert len(codes) == 10
    assert client.get(reverse("caseload")).status_code == 200
    assert AuditEvent.objects.filter(action="two-factor-enrolled", actor_name="theo").exists()


def test_a_wrong_setup_code_is_named_and_confirms_nothing(client, theo):
    _password_step(client, theo)
    client.get(reverse("two-factor-setup"))
    page = client.post(reverse("two-factor-setup"), {"code": "000000x"})
    assert page.status_code == 400 and "That code is not right" in page.text
    assert not TOTPDevice.objects.filter(user=theo, confirmed=True).exists()


@pytest.fixture
def enrolled(theo):
    return TOTPDevice.objects.create(user=theo, name="phone", confirmed=True)


def test_at_each_login_the_code_is_asked_and_a_wrong_one_keeps_the_pages_closed(
    client, theo, enrolled, time_machine
):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC), tick=False)
    first = _password_step(client, theo)
    assert first.url.startswith(reverse("two-factor-verify"))
    wrong = client.post(reverse("two-factor-verify"), {"code": "123456"})
    assert wrong.status_code == 400 and "not accepted" in wrong.text
    assert client.get(reverse("caseload")).status_code == 302
    too_soon = client.post(reverse("two-factor-verify"), {"code": _code(enrolled)})
    assert "wait a few seconds" in too_soon.text
    time_machine.shift(dt.timedelta(seconds=5))
    right = client.post(reverse("two-factor-verify"), {"code": _code(enrolled), "next": "/team/"})
    assert right.status_code == 302 and right.url == "/team/"


def test_a_recovery_code_logs_in_once(client, theo, enrolled):
    from alliance.web.security.twofactor import new_recovery_codes

    code = new_recovery_codes(theo)[0]
    _password_step(client, theo)
    assert client.post(reverse("two-factor-verify"), {"code": code}).status_code == 302
    assert not StaticToken.objects.filter(token=code).exists()
    assert AuditEvent.objects.filter(action="recovery-code-used").exists()
    client.logout()
    _password_step(client, theo)
    assert client.post(reverse("two-factor-verify"), {"code": code}).status_code == 400


def test_the_next_address_never_leads_off_the_site(client, theo, enrolled):
    _password_step(client, theo)
    page = client.post(
        reverse("two-factor-verify"), {"code": _code(enrolled), "next": "https://evil.example/"}
    )
    assert page.url == reverse("home")


def test_a_clinic_can_relax_it_for_therapists_but_never_for_admins(client, theo, ada, clinic):
    ClinicSettings.objects.create(clinic=clinic, therapists_need_two_factor=False)
    assert _password_step(client, theo).status_code == 200
    client.logout()
    assert _password_step(client, ada).status_code == 302


def test_an_admin_resets_a_lost_phone(login, client, ada, theo, enrolled):
    login(ada)
    data = {"action": "reset_two_factor", "_selected_action": [theo.pk]}
    assert client.post(reverse("admin:accounts_user_changelist"), data).status_code == 302
    assert not TOTPDevice.objects.filter(user=theo).exists()
    assert AuditEvent.objects.filter(action="two-factor-reset", target=f"user:{theo.pk}").exists()


@override_settings(TWO_FACTOR=False)
def test_it_can_be_turned_off_as_the_demo_does(client, sam):
    assert _password_step(client, sam).status_code == 200


def test_the_checkin_needs_no_account_and_no_second_step(client, checkin_token):
    assert client.get(reverse("checkin", args=[checkin_token])).status_code == 200


def test_the_demo_turns_it_off_and_keeps_mail_in_its_outbox(monkeypatch, tmp_path):
    import os

    from alliance.cli import demo

    monkeypatch.setattr(os, "environ", {"PATH": "/usr/bin"})
    monkeypatch.setattr("django.setup", lambda: None)
    demo.configure(tmp_path, "127.0.0.1")
    assert os.environ["ALLIANCE_TWO_FACTOR"] == "false"
    assert os.environ["ALLIANCE_MAIL_TO_FILES"] == "true"


def test_a_kiosk_account_opens_the_kiosk_with_its_password_alone(client, make_user):
    from alliance.web.delivery.hooks import KIOSK_SESSION_KEY
    from alliance.web.delivery.models import KioskDevice
    from alliance.web.security.twofactor import KIOSK_SESSION_KEY as SEEN_AS_KIOSK

    desk = make_user("front-desk")
    KioskDevice.objects.create(user=desk, name="Waiting room tablet")
    client.post(reverse("login"), {"username": "front-desk", "password": PASSWORD})
    assert SEEN_AS_KIOSK == KIOSK_SESSION_KEY
    assert client.get(reverse("kiosk")).status_code == 200
    assert client.get(reverse("caseload")).url == reverse("kiosk")
