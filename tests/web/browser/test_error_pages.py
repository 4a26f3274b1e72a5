"""The 403, 404 and 500 pages are the site's own, fit a 320 px phone, and lead somewhere; a
supervisor finds their team in the navigation, on a desktop and on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.browser
def test_a_404_is_a_page_of_the_site_on_a_phone_and_a_desktop(
    phone, desktop, theo, log_in, screenshots
):
    phone.goto("/clients/C-NOSUCH/")
    assert "/login/" in phone.url  # to the login first, as for any staff page
    answer = phone.goto("/no-such-page/")
    assert answer.status == 404
    expect(phone.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(phone.get_by_role("link", name="log in")).to_be_visible()
    phone.screenshot(path=screenshots / "404-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0
    icon = phone.evaluate("() => document.querySelector('link[rel=icon]').href")
    assert phone.request.get(icon).status == 200  # the site's icon, not a 404 for favicon.ico

    log_in(desktop, theo)
    assert desktop.goto("/clients/C-NOSUCH/").status == 404
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Page not found")
    desktop.get_by_role("link", name="Go to your caseload").click()
    expect(desktop.get_by_role("heading", name="Caseload", level=1)).to_be_visible()


@pytest.mark.browser
def test_a_403_names_the_reason_on_a_phone(phone, ada, log_in, screenshots):
    log_in(phone, ada)
    assert phone.goto("/clients/new/").status == 403
    expect(phone.get_by_role("heading", level=1)).to_have_text("You cannot open this page")
    expect(phone.get_by_text("A clinic admin does not hold a caseload")).to_be_visible()
    phone.screenshot(path=screenshots / "403-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0


@pytest.mark.browser
@pytest.mark.urls("tests.web.failing_urls")
def test_a_500_is_a_page_of_the_site_that_shows_nothing_of_the_error(phone, screenshots):
    assert phone.goto("/fails/").status == 500
    expect(phone.get_by_role("heading", level=1)).to_have_text("Something went wrong on our side")
    expect(phone.get_by_text("RuntimeError")).to_have_count(0)
    phone.screenshot(path=screenshots / "500-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0


@pytest.fixture
def sue(make_user, clinic):
    """A second supervisor with a team of one, for a second login in the same half-minute (a
    one-time code works once)."""
    from alliance.web.accounts.models import Role, Team

    sue = make_user("sue", role=Role.SUPERVISOR)
    make_user("tom", team=Team.objects.create(clinic=clinic, name="Sue's team", supervisor=sue))
    return sue


@pytest.mark.browser
def test_a_supervisor_reaches_their_team_from_the_navigation(
    desktop, phone, sam, theo, sue, log_in, screenshots
):
    for page, supervisor in ((desktop, sam), (phone, sue)):
        log_in(page, supervisor)
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Your team").click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.url.endswith("/team/")
    phone.goto("/caseload/")
    phone.screenshot(path=screenshots / "navigation-supervisor-phone-320.png")
    assert phone.evaluate(OVERFLOW) <= 0
