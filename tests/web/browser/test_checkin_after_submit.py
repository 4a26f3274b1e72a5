"""After sending the check-in on a phone: a thank-you page of its own that reload and Back leave
harmless, the clinic's words and crisis number after a self-harm answer, the crisis contact at
the foot of the form, and a second link for the answered session that shows no form."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import CheckinSubmission, ClinicSettings, Response
from tests.web.browser.conftest import DESKTOP, _page

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
WORDS = "Your therapist will phone you by the end of the next working day."


@pytest.fixture
def crisis_contact(clinic) -> ClinicSettings:
    settings = ClinicSettings.for_clinic(clinic.pk)
    settings.crisis_message = WORDS
    settings.crisis_contact_text = "The clinic's duty line, weekdays 9-17"
    settings.crisis_contact_number = "+44 20 7946 0000"
    settings.save()
    return settings


@pytest.fixture
def touch_desktop(chromium, live_server):
    """A desktop-wide window with a touch screen, so the check-in is answered by tapping."""
    yield from _page(chromium, {**DESKTOP, "has_touch": True, "base_url": live_server.url})


@pytest.mark.browser
def test_reload_and_back_after_sending_send_nothing_twice(
    phone, checkin_token, crisis_contact, answer_checkin, screenshots
):
    phone.goto(f"/c/{checkin_token}/")
    footer = phone.get_by_role("contentinfo")
    expect(footer).to_contain_text("The clinic's duty line, weekdays 9-17")
    expect(footer.get_by_role("link", name="+44 20 7946 0000")).to_have_attribute(
        "href", "tel:+442079460000"
    )
    answer_checkin(phone, self_harm=2)
    phone.get_by_role("button", name="Send my answers").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert phone.url.endswith("/thanks/")
    message = phone.get_by_role("alert")
    expect(message).to_contain_text("Your therapist will be in touch")
    expect(message).to_contain_text(WORDS)
    expect(message.get_by_role("link", name="+44 20 7946 0000")).to_be_visible()
    phone.screenshot(path=screenshots / "checkin-thanks-risk-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0

    phone.reload()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
    phone.go_back()
    expect(phone.get_by_role("heading", level=1)).to_have_text("This check-in link cannot be used")
    expect(phone.locator("form")).to_have_count(0)
    assert CheckinSubmission.objects.count() == 1
    assert Response.objects.filter(instrument="phq-9").count() == 1


@pytest.mark.browser
def test_without_a_risk_answer_the_thanks_has_only_the_footer(
    touch_desktop, checkin_token, crisis_contact, answer_checkin, screenshots
):
    desktop = touch_desktop
    desktop.goto(f"/c/{checkin_token}/")
    answer_checkin(desktop)
    desktop.get_by_role("button", name="Send my answers").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Thank you")
    expect(desktop.get_by_role("alert")).to_have_count(0)
    expect(desktop.get_by_text(WORDS)).to_have_count(0)
    expect(desktop.get_by_role("contentinfo")).to_contain_text("Need help now?")
    desktop.screenshot(path=screenshots / "checkin-thanks.png", full_page=True)


@pytest.mark.browser
def test_a_second_link_for_an_answered_session_says_so_and_shows_no_form(
    phone, theo, theos_client, answer_checkin, screenshots
):
    session = theos_client.sessions.get()
    _, first = create_link(session, by=theo)
    _, second = create_link(session, by=theo)
    phone.goto(f"/c/{first}/")
    answer_checkin(phone)
    phone.get_by_role("button", name="Send my answers").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
    phone.goto(f"/c/{second}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("This check-in is already answered")
    expect(phone.locator("form, fieldset")).to_have_count(0)
    phone.screenshot(path=screenshots / "checkin-already-answered-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0
