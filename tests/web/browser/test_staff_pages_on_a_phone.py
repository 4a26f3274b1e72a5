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


CAPTION_AND_BOX = """table => {
    const caption = table.caption.getBoundingClientRect();
    const box = table.getBoundingClientRect();
    return {
        captionLeft: caption.left, captionRight: caption.right,
        boxLeft: box.left, boxRight: box.right,
        hidden: table.scrollWidth - table.clientWidth,
        scrolled: table.scrollLeft,
        captionIsTheTables: table.caption !== null && table.caption.parentElement === table,
    };
}"""


@pytest.mark.browser
def test_a_wide_tables_caption_stays_put_while_the_table_scrolls_at_320_pixels(
    phone, theo, loop_client, log_in
):
    log_in(phone, theo)
    phone.goto(f"/clients/{loop_client.code}/")
    phone.get_by_text("The alliance as a table").tap()
    table = phone.get_by_role("table", name="Ratings 0-10 per session")
    expect(table).to_be_visible()
    before = table.evaluate(CAPTION_AND_BOX)
    assert before["hidden"] > 40, "the table is wider than the phone, so it scrolls"
    assert before["captionIsTheTables"]
    table.evaluate("table => { table.scrollLeft = table.scrollWidth; }")
    after = table.evaluate(CAPTION_AND_BOX)
    assert after["scrolled"] > 40
    assert after["captionLeft"] == pytest.approx(before["captionLeft"], abs=0.5)
    assert after["boxLeft"] - 0.5 <= after["captionLeft"]
    assert after["captionRight"] <= after["boxRight"] + 0.5
    assert phone.evaluate(OVERFLOW) <= 0
