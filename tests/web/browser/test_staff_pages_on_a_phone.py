"""A therapist on a phone: the caseload and the client page never scroll sideways at 320 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.browser
def test_the_caseload_and_client_page_fit_a_320_pixel_screen(
    phone, theo, loop_client, log_in, screenshots
):
    log_in(phone, theo)
    expect(phone.get_by_role("link", name=loop_client.code)).to_be_visible()
    phone.screenshot(path=screenshots / "caseload-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0
    phone.get_by_role("link", name=loop_client.code).tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text(loop_client.code)
    phone.screenshot(path=screenshots / "client-page-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0
