"""The whole loop: a link made by the therapist, answered on a phone, seen on the client page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

CLIENT_CHART_POINTS = (
    'svg[aria-labelledby^="alliance-"]:visible .series.client '  # the picture on screen
    ":is(circle, rect, polygon)"
)  # the client's line on each part's chart
DIMENSIONS_PER_CHECKIN = 3  # goals, tasks and bond each get a point, each on its own chart


def _session_row(table: Locator, number: int) -> Locator:
    header = table.page.get_by_role("rowheader", name=str(number), exact=True)
    return table.get_by_role("row").filter(has=header)


def _create_link(page: Page, session: int) -> str:
    sessions = page.get_by_role("region", name="Sessions")
    _session_row(sessions, session).get_by_role("button", name="Create check-in link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"session {session}")
    return page.get_by_role("textbox", name="Link").input_value()


def _open_alliance_table(page: Page) -> Locator:
    page.get_by_text("The alliance as a table").click()
    return page.get_by_role("table", name="Ratings 0-10 per session")


@pytest.mark.browser
def test_a_checkin_answered_on_a_phone_adds_a_point_to_the_therapists_chart(
    desktop, phone, theo, loop_client, log_in, answer_checkin, screenshots
):
    log_in(desktop, theo)
    desktop.get_by_role("link", name=loop_client.code).click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text(loop_client.code)
    points_before = desktop.locator(CLIENT_CHART_POINTS).count()
    assert points_before == 2 * DIMENSIONS_PER_CHECKIN

    url = _create_link(desktop, session=3)
    desktop.get_by_role("link", name=f"Back to {loop_client.code}").click()
    expect(desktop.locator(CLIENT_CHART_POINTS)).to_have_count(points_before)

    phone.goto(url)
    expect(phone.get_by_role("heading", name="Your check-in")).to_be_visible()
    answer_checkin(phone, rating=9, comment="Good to talk about work today.")
    phone.screenshot(path=screenshots / "checkin-phone-320.png", full_page=True)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")

    desktop.reload()
    expect(desktop.locator(CLIENT_CHART_POINTS)).to_have_count(
        points_before + DIMENSIONS_PER_CHECKIN
    )
    table = _open_alliance_table(desktop)
    client_then_therapist = ["9", "9", "9", "-", "-", "-"]
    expect(_session_row(table, 3).get_by_role("cell")).to_have_text(client_then_therapist)
    expect(desktop.get_by_text("Good to talk about work today.")).to_be_visible()
    desktop.screenshot(path=screenshots / "client-page.png", full_page=True)


@pytest.mark.browser
def test_the_used_link_tells_the_client_it_cannot_be_used_again(
    desktop, phone, theo, loop_client, log_in, answer_checkin
):
    log_in(desktop, theo)
    desktop.goto(f"/clients/{loop_client.code}/")
    url = _create_link(desktop, session=3)
    phone.goto(url)
    answer_checkin(phone)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
    phone.goto(url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("This check-in link cannot be used")
    desktop.goto(f"/clients/{loop_client.code}/")
    expect(_session_row(desktop.get_by_role("region", name="Sessions"), 3)).to_contain_text(
        "received"
    )
