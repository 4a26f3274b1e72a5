"""A self-harm answer puts an urgent alert on top of the therapist's pages until taken on."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

TAKE_IT_ON = "I have taken this on"


def _urgent(page: Page):
    return page.get_by_role("alert", name="Urgent")


def _sits_above_the_heading(page: Page) -> bool:
    urgent = _urgent(page).bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()
    return urgent is not None and heading is not None and urgent["y"] < heading["y"]


@pytest.mark.browser
def test_an_urgent_alert_tops_caseload_and_client_page_until_acknowledged(
    desktop, phone, theo, theos_client, checkin_token, log_in, answer_checkin, screenshots
):
    phone.goto(f"/c/{checkin_token}/")
    answer_checkin(phone, self_harm=2)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")

    log_in(desktop, theo)
    expect(_urgent(desktop)).to_contain_text(theos_client.code)
    assert _sits_above_the_heading(desktop)
    expect(desktop.get_by_role("row", name=theos_client.code)).to_contain_text("Urgent")
    desktop.screenshot(path=screenshots / "caseload.png", full_page=True)

    _urgent(desktop).get_by_role("link", name=theos_client.code).click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text(theos_client.code)
    assert _sits_above_the_heading(desktop)
    desktop.screenshot(path=screenshots / "client-page-urgent.png", full_page=True)

    _urgent(desktop).get_by_role("button", name=TAKE_IT_ON).click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text(theos_client.code)
    expect(_urgent(desktop)).to_have_count(0)
    desktop.get_by_role("navigation", name="Main").get_by_role("link", name="Caseload").click()
    expect(desktop.get_by_role("heading", name="Caseload")).to_be_visible()
    expect(_urgent(desktop)).to_have_count(0)


@pytest.mark.browser
def test_no_urgent_alert_appears_when_item_nine_is_zero(
    desktop, phone, theo, theos_client, checkin_token, log_in, answer_checkin
):
    phone.goto(f"/c/{checkin_token}/")
    answer_checkin(phone, self_harm=0)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
    log_in(desktop, theo)
    expect(desktop.get_by_role("row", name=theos_client.code)).to_be_visible()
    expect(_urgent(desktop)).to_have_count(0)
