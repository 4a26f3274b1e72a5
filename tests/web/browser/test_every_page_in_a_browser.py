"""Every page the app lists, opened by each role that may open it, on a desktop and on a 320 px
phone: no script error, no console error, no static file that fails to load, and no sideways
scrolling on the phone. A failure names the page, the role and the width."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from alliance.web.checkin.links import create_link
from alliance.web.clinic.answers import store_answers
from tests.web.every_page import client_pages, staff_pages
from tests.web.outcome_helpers import alliance, phq
from tests.web.test_access_matrix import STAFF_PAGES

pytestmark = pytest.mark.browser

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The pages about one client each role may read (the access matrix holds the rest).
ALL = None
CLIENT_PAGES = {
    "theo": ALL,
    "sam": {"client", "client-report", "rupture"},
    "ada": set(),
    "pia": set(),
}


class Problems:
    """What went wrong in one browser window, each noted with the page open at the time."""

    def __init__(self, page: Page, width: str):
        self.found: list[str] = []
        self.width, self.where = width, ""
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.note(f"script error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def note(self, what: str) -> None:
        self.found.append(f"{self.where} at {self.width}: {what}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.note(f"console error: {message.text} ({message.location.get('url')})")

    def _failed(self, request) -> None:
        if "/static/" in request.url:
            self.note(f"static file failed: {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if "/static/" in response.url and response.status >= 400:
            self.note(f"static file answered {response.status}: {response.url}")


def _pages_for(persona: str, listed: tuple[list, list]) -> list:
    staff, about = listed
    readable = CLIENT_PAGES[persona]
    chosen = [p for p in staff if STAFF_PAGES[p.name][persona] == 200]
    chosen += [p for p in about if p.method == "get" and (readable is ALL or p.name in readable)]
    return [p for p in chosen if not p.name.endswith("-pdf")]  # a PDF is no page


@pytest.fixture
def folder(screenshots):
    found = screenshots / "every-page"
    found.mkdir(exist_ok=True)
    return found


def _walk(page: Page, problems: Problems, pages, persona: str, folder, *, phone: bool):
    for listed in pages:
        problems.where = f"{listed.name} ({listed.url}) as {persona}"
        response = page.goto(listed.url)
        if response is None or response.status != 200:
            problems.note(f"answered {response and response.status}, not 200")
            continue
        page.screenshot(
            path=folder / f"{persona}-{listed.name}-{problems.width}.png", full_page=True
        )
        if phone and page.evaluate(OVERFLOW) > 0:
            problems.note(f"scrolls sideways by {page.evaluate(OVERFLOW)} px")


@pytest.fixture
def listed(full_record, theo) -> tuple[list, list]:
    """Every staff page and every page about the full record, listed before two check-ins are
    answered on it (so its charts and the team's trends draw lines, and alerts are raised)."""
    found = (staff_pages(theo), client_pages(full_record))
    for number, rating in ((1, 6), (2, 8)):
        answers = {"alliance-checkin": alliance(rating), "phq-9": phq(14 - 2 * number)}
        store_answers(full_record.sessions.get(number=number), answers, respondent="client")
    return found


@pytest.mark.parametrize("persona", ["theo", "sam", "ada", "pia"])
def test_every_page_of_each_role_runs_clean_on_a_desktop_and_a_phone(
    request, desktop, phone, log_in, listed, folder, persona
):
    user = request.getfixturevalue(persona)
    pages = _pages_for(persona, listed)
    found = []
    for window, width in ((desktop, "1280"), (phone, "320")):
        problems = Problems(window, width)
        problems.where = f"the login as {persona}"
        if window is desktop:
            log_in(window, user)
        else:  # the same login: a one-time code is refused the second time it is given
            window.context.add_cookies(desktop.context.cookies())
        _walk(window, problems, pages, persona, folder, phone=width == "320")
        found += problems.found
    assert len(pages) >= 3 and found == []


def test_the_login_and_a_check_in_run_clean_on_a_desktop_and_a_phone(
    desktop, phone, theos_client, theo, folder
):
    _, token = create_link(theos_client.sessions.get(number=1), by=theo)
    found = []
    for window, width in ((desktop, "1280"), (phone, "320")):
        problems = Problems(window, width)
        for name, url in (("login", "/login/"), ("checkin", f"/c/{token}/")):
            problems.where = name
            window.goto(url)
            window.screenshot(path=folder / f"anonymous-{name}-{width}.png", full_page=True)
            if width == "320" and window.evaluate(OVERFLOW) > 0:
                problems.note("scrolls sideways")
        found += problems.found
    assert found == []
