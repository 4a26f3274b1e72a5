"""Lockout and two-factor login in a real browser, as staff meet them."""

from __future__ import annotations

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from .conftest import PASSWORD, current_code, type_password

pytestmark = pytest.mark.browser


def test_ten_wrong_passwords_lock_the_login_and_the_right_one_is_refused(desktop, theo):
    theo.set_password(PASSWORD)
    theo.save()
    for _ in range(10):
        type_password(desktop, "theo", "not-the-password")
    type_password(desktop, "theo", PASSWORD)
    expect(desktop.get_by_role("heading", name="Login locked")).to_be_visible()
    expect(desktop.get_by_role("alert")).to_contain_text("even with the right password")


def test_a_new_therapist_sets_up_two_factor_and_keeps_recovery_codes(desktop, theo):
    theo.set_password(PASSWORD)
    theo.save()
    type_password(desktop, "theo", PASSWORD)
    expect(desktop.get_by_role("heading", name="Set up two-factor login")).to_be_visible()
    expect(desktop.locator("figure.qr svg")).to_be_visible()
    device = TOTPDevice.objects.get(user=theo, confirmed=False)
    desktop.get_by_label("Code from your authenticator app").fill(current_code(device))
    desktop.get_by_role("button", name="Confirm").click()
    expect(desktop.get_by_role("heading", name="Recovery codes")).to_be_visible()
    expect(desktop.locator("ul.codes li")).to_have_count(10)
    desktop.get_by_role("link", name="Continue").click()
    expect(desktop.get_by_role("heading", name="Caseload", level=1)).to_be_visible()


def test_a_wrong_code_is_named_and_the_caseload_stays_closed(desktop, theo):
    theo.set_password(PASSWORD)
    theo.save()
    TOTPDevice.objects.create(user=theo, name="phone", confirmed=True)
    type_password(desktop, "theo", PASSWORD)
    desktop.get_by_label("Code from your authenticator app").fill("000000")
    desktop.get_by_role("button", name="Continue").click()
    expect(desktop.locator("form.narrow")).to_contain_text("not accepted")
    desktop.goto("/caseload/")
    expect(desktop).to_have_url(re.compile(r"/2fa/verify/"))


def test_the_page_warns_before_the_idle_logout_and_lets_the_user_stay(desktop, log_in, theo):
    desktop.clock.install()  # the page's timers run on a clock the test moves
    log_in(desktop, theo)
    warning = desktop.get_by_role("alertdialog")
    expect(warning).to_have_count(0)
    desktop.clock.fast_forward("28:30")  # the warning comes two minutes before the 30
    expect(warning).to_contain_text("logged out in two minutes")
    desktop.get_by_role("button", name="Stay logged in").click()
    expect(warning).to_have_count(0)
