"""Delivery as people use it: the therapist sets a client's email and records a session, the
worker sends the link over SMTP, the client opens it from the mail on a phone and answers, and
the therapist sees "answered" and the new point."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.web.conftest import DATABASE_TASKS
from tests.web.mail_helpers import smtp_server  # noqa: F401 (a fixture)
from tests.web.worker_helpers import run_worker

CLIENT_POINTS = (
    'svg[aria-labelledby^="alliance-"]:visible .series.client :is(circle, rect, polygon)'
)
ADDRESS = "loop.client@example.org"


@pytest.mark.browser
def test_a_check_in_sent_by_email_is_answered_on_a_phone(
    desktop,
    phone,
    theo,
    loop_client,
    log_in,
    answer_checkin,
    smtp_server,  # noqa: F811 (the fixture imported above)
    settings,
    live_server,
):
    settings.TASKS = DATABASE_TASKS  # tasks wait for the worker, as in production
    settings.CHECKIN_BASE_URL = live_server.url
    log_in(desktop, theo)
    desktop.goto(f"/clients/{loop_client.code}/")
    points_before = desktop.locator(CLIENT_POINTS).count()

    contact = desktop.get_by_role("region", name="Contact for check-ins")
    contact.get_by_label("Email address").fill(ADDRESS)
    contact.get_by_label("Send check-ins by").select_option("email")
    contact.get_by_role("button", name="Save contact").click()
    expect(desktop.get_by_text("Contact details saved.")).to_be_visible()

    sessions = desktop.get_by_role("region", name="Sessions")
    sessions.get_by_role("button", name="Add session").click()
    row = desktop.get_by_role("row").filter(
        has=desktop.get_by_role("rowheader", name="4", exact=True)
    )
    expect(row).to_contain_text("scheduled")

    run_worker()
    [url] = smtp_server.links_to(ADDRESS)
    assert url.startswith(live_server.url + "/c/")
    desktop.reload()
    expect(row).to_contain_text("sent")

    phone.goto(urlsplit(url).path)
    expect(phone.get_by_role("heading", name="Your check-in")).to_be_visible()
    answer_checkin(phone, rating=9)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")

    run_worker()  # the check-in's follow-up
    desktop.reload()
    expect(row).to_contain_text("answered")
    expect(desktop.locator(CLIENT_POINTS)).to_have_count(points_before + 3)


@pytest.mark.browser
def test_the_kiosk_opens_a_check_in_by_its_code_and_returns_to_blank(
    desktop, phone, theo, loop_client, log_in, answer_checkin, make_user
):
    from alliance.web.delivery.models import KioskDevice

    kiosk_user = make_user("waiting-room")
    KioskDevice.objects.create(user=kiosk_user, name="Tablet")
    log_in(desktop, theo)
    desktop.goto(f"/clients/{loop_client.code}/")
    row = desktop.get_by_role("row").filter(
        has=desktop.get_by_role("rowheader", name="3", exact=True)
    )
    row.get_by_role("button", name="Kiosk code").click()
    code = desktop.get_by_label("Kiosk code").inner_text()

    kiosk_user.set_password("a-browser-test-password")
    kiosk_user.save(update_fields=["password"])
    phone.goto("/login/")
    phone.get_by_label("Username").fill("waiting-room")
    phone.get_by_label("Password").fill("a-browser-test-password")
    phone.get_by_role("button", name="Log in").click()
    expect(phone).to_have_url(re.compile(r"/kiosk/$"))
    phone.get_by_label("Your code").fill(code.lower())
    phone.get_by_role("button", name="Open my check-in").click()
    expect(phone.get_by_role("heading", name="Your check-in")).to_be_visible()
    answer_checkin(phone)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("status")).to_contain_text("Thank you")
    expect(phone.get_by_label("Your code")).to_have_value("")
