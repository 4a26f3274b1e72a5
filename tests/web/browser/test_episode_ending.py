"""Ending an episode in the browser: a confirmation page first, the ended client's page with their
open alert to close, and the reopen that puts them back on the caseload; at desktop and 320 px."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from alliance.web.clinic.models import Alert, Severity

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _ask_to_end(page: Page, code: str) -> None:
    page.goto(f"/clients/{code}/")
    episode = page.get_by_role("region", name="Episode of care")
    episode.get_by_label("Last day of care").fill("2026-03-01")
    episode.get_by_label("How it ended").select_option(label="Dropped out")
    episode.get_by_role("button", name="End this episode…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"End the episode of care for {code}?"
    )


@pytest.fixture
def alerted_client(loop_client) -> object:
    Alert.objects.create(
        client=loop_client,
        kind="alliance-drop",
        severity=Severity.WARNING,
        message="The alliance fell since the last check-in",
    )
    return loop_client


@pytest.mark.browser
def test_ending_asks_first_keeps_the_alert_to_close_and_can_be_undone(
    desktop, theo, alerted_client, log_in, screenshots
):
    code = alerted_client.code
    log_in(desktop, theo)
    _ask_to_end(desktop, code)
    expect(desktop.get_by_text(date_format(dt.date(2026, 3, 1)))).to_be_visible()
    desktop.screenshot(path=screenshots / "end-episode-confirm.png", full_page=True)
    desktop.get_by_role("link", name="Cancel, keep the episode open").click()
    expect(desktop.get_by_role("button", name="End this episode…")).to_be_visible()
    assert alerted_client.episodes.get().ended is None

    _ask_to_end(desktop, code)
    desktop.get_by_role("button", name="Yes, end this episode").click()
    expect(desktop.get_by_role("status").first).to_contain_text(
        f"The episode ended on {date_format(dt.date(2026, 3, 1))}"
    )
    episode = desktop.get_by_role("region", name="Episode of care")
    expect(episode).to_contain_text(
        f"The episode ended on {date_format(dt.date(2026, 3, 1))} (Dropped out)"
    )
    alerts = desktop.get_by_role("region", name="Open alerts")
    expect(alerts).to_contain_text("The alliance fell since the last check-in")
    desktop.screenshot(path=screenshots / "client-page-ended.png", full_page=True)
    fell = alerts.get_by_role("listitem").filter(has_text="The alliance fell since")
    fell.get_by_role("button", name="Acknowledge").click()
    expect(desktop.get_by_text("The alliance fell since the last check-in")).to_have_count(0)
    assert not Alert.objects.open().filter(message__startswith="The alliance fell").exists()

    desktop.get_by_role("button", name="Reopen the episode").click()
    expect(desktop.get_by_role("button", name="End this episode…")).to_be_visible()
    desktop.get_by_role("link", name="Caseload").click()
    expect(desktop.get_by_role("link", name=code)).to_be_visible()


@pytest.mark.browser
def test_the_confirmation_and_the_ended_page_fit_a_phone(
    phone, theo, alerted_client, log_in, screenshots
):
    log_in(phone, theo)
    _ask_to_end(phone, alerted_client.code)
    phone.screenshot(path=screenshots / "end-episode-confirm-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0
    phone.get_by_role("button", name="Yes, end this episode").tap()
    expect(phone.get_by_role("button", name="Reopen the episode")).to_be_visible()
    assert phone.evaluate(OVERFLOW) <= 0
