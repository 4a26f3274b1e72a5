"""The check-in form on a small phone: fits the screen, labels every input, works by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
    .filter(input => ![...input.labels].some(label => label.textContent.trim()))
    .map(input => input.name || input.id)"""
RADIOS_WITHOUT_QUESTION = """() => [...document.querySelectorAll('input[type=radio]')]
    .filter(radio => !radio.closest('fieldset')?.querySelector('legend')?.textContent.trim())
    .map(radio => radio.name)"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _focused(page: Page) -> dict:
    return page.evaluate(
        "() => ({name: document.activeElement.name || '',"
        " value: document.activeElement.value || ''})"
    )


@pytest.mark.browser
def test_the_form_fits_a_320_pixel_screen_without_sideways_scrolling(phone, checkin_token):
    phone.goto(f"/c/{checkin_token}/")
    expect(phone.get_by_role("heading", name="Your check-in")).to_be_visible()
    assert phone.viewport_size["width"] == 320
    assert phone.evaluate(OVERFLOW) <= 0
    phone.get_by_role("button", name="Send my answers").tap()
    expect(phone.get_by_role("alert").first).to_contain_text("need another look")
    assert phone.evaluate(OVERFLOW) <= 0


@pytest.mark.browser
def test_every_input_has_a_label_and_every_choice_its_question(phone, checkin_token):
    phone.goto(f"/c/{checkin_token}/")
    assert phone.locator("input[type=radio]").count() > 0
    assert phone.evaluate(UNLABELLED) == []
    assert phone.evaluate(RADIOS_WITHOUT_QUESTION) == []


@pytest.mark.browser
def test_a_question_can_be_answered_with_the_keyboard_alone(desktop, checkin_token):
    desktop.goto(f"/c/{checkin_token}/")
    for _ in range(10):
        desktop.keyboard.press("Tab")
        if _focused(desktop)["name"] == "alliance-checkin__1":
            break
    assert _focused(desktop) == {"name": "alliance-checkin__1", "value": "0"}
    desktop.keyboard.press("Space")
    expect(desktop.locator('input[name="alliance-checkin__1"][value="0"]')).to_be_checked()
    for _ in range(7):
        desktop.keyboard.press("ArrowRight")
    expect(desktop.locator('input[name="alliance-checkin__1"][value="7"]')).to_be_checked()
    desktop.keyboard.press("Tab")
    assert _focused(desktop)["name"] == "alliance-checkin__2"


@pytest.mark.browser
def test_a_client_may_leave_every_optional_question_blank(phone, checkin_token, answer_checkin):
    phone.goto(f"/c/{checkin_token}/")
    answer_checkin(phone, skip_optional=True)
    phone.get_by_role("button", name="Send my answers").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
