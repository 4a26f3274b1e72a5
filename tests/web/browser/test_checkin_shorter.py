"""The check-in on a 320 px phone: every 0-10 scale on one row, the parts numbered, and how many
questions are answered kept in view."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

ROWS_PER_SCALE = """() => [...document.querySelectorAll('.options.compact')].map(options =>
    new Set([...options.querySelectorAll('label')]
        .map(label => label.getBoundingClientRect().top)).size)"""


@pytest.mark.browser
def test_every_scale_is_one_row_and_the_progress_counts_the_answers(phone, checkin_token):
    phone.goto(f"/c/{checkin_token}/")
    rows = phone.evaluate(ROWS_PER_SCALE)
    assert len(rows) >= 7 and set(rows) == {1}
    expect(phone.get_by_text("Part 1 of 4")).to_be_visible()
    expect(
        phone.get_by_role("heading", name="Part 4 of 4 Your goals and what we agreed to do")
    ).to_be_attached()
    progress = phone.locator("#checkin-progress-text")
    total = phone.locator("fieldset.question").count()
    expect(progress).to_have_text(f"0 of {total} answered")
    phone.locator('input[name="alliance-checkin__1"][value="7"]').tap()
    phone.locator('input[name="alliance-checkin__1"][value="8"]').tap()
    expect(progress).to_have_text(f"1 of {total} answered")
    phone.get_by_text("Thoughts of self-harm", exact=True).scroll_into_view_if_needed()
    expect(progress).to_be_in_viewport()


@pytest.mark.browser
def test_every_scale_is_one_row_on_a_desktop_too(desktop, checkin_token):
    desktop.goto(f"/c/{checkin_token}/")
    assert set(desktop.evaluate(ROWS_PER_SCALE)) == {1}
