"""A clinic admin trying to give themself clinical access through the admin site, in a browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_an_admin_who_makes_themself_a_supervisor_is_refused_and_sees_no_client(
    desktop, log_in, ada, theos_team, make_client, theo
):
    client = make_client(theo)
    log_in(desktop, ada)
    desktop.goto(f"/admin/accounts/team/{theos_team.pk}/change/")
    desktop.get_by_label("Supervisor").select_option(label=str(ada))
    desktop.get_by_role("button", name="Save", exact=True).click()
    expect(desktop.locator(".errorlist")).to_contain_text("a clinic admin cannot supervise a team")
    theos_team.refresh_from_db()
    assert theos_team.supervisor_id != ada.pk
    page = desktop.goto(f"/clients/{client.code}/")
    assert page is not None and page.status == 404


def test_an_admin_cannot_set_a_therapists_password_and_log_in_as_them(desktop, log_in, ada, theo):
    log_in(desktop, ada)
    desktop.goto(f"/admin/accounts/user/{theo.pk}/password/")
    expect(desktop).to_have_url(re.compile(rf"/admin/accounts/user/{theo.pk}/change/$"))
    expect(desktop.locator("ul.messagelist")).to_contain_text("link")
    expect(desktop.get_by_label("New password")).to_have_count(0)
    before = theo.password
    theo.refresh_from_db()
    assert theo.password == before
