"""A therapist chooses Spanish for a client; the client answers the check-in in Spanish on a
320 px phone and at a 1280 px desktop, with no sideways scrolling, and is thanked in Spanish."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from alliance.web.checkin.links import create_link
from tests.web.browser.conftest import RADIO_GROUPS

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def client_of_theo(make_client, theo):
    return make_client(theo, code="C-ESPA1", sessions=2)


def _choose_spanish(desktop: Page, client) -> None:
    desktop.get_by_role("link", name=client.code).click()
    desktop.get_by_label("Check-in language").select_option("es")
    desktop.get_by_role("button", name="Save language").click()
    expect(desktop.get_by_role("status")).to_contain_text("Check-in language saved.")
    expect(desktop.get_by_label("Check-in language")).to_have_value("es")


def _answer_every_question(page: Page, *, touch: bool) -> None:
    for group in page.locator("input[type=radio]").evaluate_all(RADIO_GROUPS):
        wanted = "8" if "8" in group["values"] else group["values"][0]
        radio = page.locator(f'input[name="{group["name"]}"][value="{wanted}"]')
        radio.tap() if touch else radio.check()
        expect(radio).to_be_checked()


def _answer_in_spanish(page: Page, token: str, shot, *, touch: bool) -> None:
    page.goto(f"/c/{token}/")
    expect(page.get_by_role("heading", name="Tu cuestionario", level=1)).to_be_visible()
    expect(page.get_by_text("Estamos trabajando en lo que más me importa.")).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0
    _answer_every_question(page, touch=touch)
    expect(page.locator("#checkin-progress-text")).to_contain_text("respondidas")
    page.screenshot(path=shot, full_page=True)
    page.get_by_role("button", name="Enviar mis respuestas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gracias")
    assert page.evaluate(OVERFLOW) <= 0


@pytest.mark.browser
def test_a_client_answers_in_spanish_on_a_phone_and_at_a_desktop(
    desktop, phone, theo, client_of_theo, log_in, screenshots
):
    log_in(desktop, theo)
    _choose_spanish(desktop, client_of_theo)
    _, token = create_link(client_of_theo.sessions.get(number=1), by=theo)
    assert phone.viewport_size["width"] == 320
    _answer_in_spanish(phone, token, screenshots / "checkin-spanish-phone-320.png", touch=True)
    phone.screenshot(path=screenshots / "checkin-spanish-thanks-phone-320.png", full_page=True)
    _, token = create_link(client_of_theo.sessions.get(number=2), by=theo)
    assert desktop.viewport_size["width"] == 1280
    _answer_in_spanish(desktop, token, screenshots / "checkin-spanish-desktop.png", touch=False)
    assert set(client_of_theo.responses.values_list("language", flat=True)) == {"es"}
