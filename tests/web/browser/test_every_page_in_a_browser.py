"""Every page the app lists, opened by each role that may open it, on a desktop and on a 320 px
phone: no script error, no console error, no static file that fails to load, no chart word
under 11 px, outside its chart or touching another, and no sideways scrolling on the phone. A
failure names the page, the role and the width. The kiosk account is
walked the same way, through a wrong code, a check-in opened by its code and answered."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from alliance.web.checkin.links import create_link
from alliance.web.clinic.answers import store_answers
from alliance.web.delivery.kiosk import issue_code
from alliance.web.delivery.models import KioskDevice
from tests.web.every_page import client_pages, kiosk_pages, staff_pages
from tests.web.outcome_helpers import alliance, phq
from tests.web.test_access_matrix import STAFF_PAGES

from .chart_words import chart_words, unreadable
from .conftest import DESKTOP, PASSWORD, PHONE, type_password

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
        # ERR_ABORTED is a request the next navigation cancelled (the kiosk moves on by itself);
        # a file that is missing or broken answers, and _response catches that
        if "/static/" in request.url and "ERR_ABORTED" not in (request.failure or ""):
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
        _look(page, problems, folder / f"{persona}-{listed.name}-{problems.width}.png", phone=phone)


def _look(page: Page, problems: Problems, shot, *, phone: bool) -> None:
    page.wait_for_load_state()  # a page reached by a form, too: its scripts loaded
    page.screenshot(path=shot, full_page=True)
    if phone and page.evaluate(OVERFLOW) > 0:
        problems.note(f"scrolls sideways by {page.evaluate(OVERFLOW)} px")
    for word in unreadable(chart_words(page)):
        problems.note(word)


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


@pytest.mark.parametrize("persona", ["theo", "sam", "ada", "pia"])
def test_every_page_of_each_role_in_spanish_fits_a_phone(
    request, phone, log_in, listed, folder, persona
):
    """Spanish words run longer than English ones: every page still fits 320 px."""
    pages = _pages_for(persona, listed)
    log_in(phone, request.getfixturevalue(persona))
    phone.wait_for_load_state()  # the page the login lands on has loaded its scripts
    phone.set_extra_http_headers({"Accept-Language": "es"})
    problems = Problems(phone, "320-es")
    _walk(phone, problems, pages, persona, folder, phone=True)
    expect(phone.locator("html")).to_have_attribute("lang", "es")
    assert len(pages) >= 3 and problems.found == [], "\n".join(problems.found)


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


@pytest.fixture
def kiosk_user(make_user):
    user = make_user("front-desk")
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    KioskDevice.objects.create(user=user, name="Waiting room tablet")
    return user


def _kiosk_check_in(page: Page, problems: Problems, code: str, folder, answer_checkin) -> None:
    """A wrong code, then the right one: the check-in it opens, answered and sent."""
    phone = problems.width == "320"
    for name, typed, shown in (
        ("kiosk-wrong-code", "ZZZZZZ", page.get_by_text("That code is not valid")),
        ("kiosk-checkin", code, page.get_by_role("button", name="Send my answers")),
    ):
        problems.where = f"{name} as the kiosk"
        page.get_by_label("Your code").fill(typed)
        page.get_by_role("button", name="Open my check-in").click()
        expect(shown).to_be_visible()
        _look(page, problems, folder / f"kiosk-{name}-{problems.width}.png", phone=phone)
    answer_checkin(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    problems.where = "a wrong code typed on the thank-you screen, as the kiosk"
    page.get_by_label("Your code").fill("YYYYYY")  # another: a code tried thrice is refused
    page.get_by_role("button", name="Open my check-in").click()
    expect(page.get_by_text("That code is not valid")).to_be_visible()
    assert page.get_by_role("status").count() == 0  # no thanks for the next client (at once:
    # the thank-you screen's own script removes its thanks after a few seconds)


@pytest.fixture
def touch_screens(chromium, live_server):
    """The kiosk is a touch screen: a 1280 px wide tablet, and a 320 px phone."""
    contexts = [
        chromium.new_context(**options, base_url=live_server.url)
        for options in ({**DESKTOP, "has_touch": True}, PHONE)
    ]
    yield [
        (context.new_page(), width)
        for context, width in zip(contexts, ("1280", "320"), strict=True)
    ]
    for context in contexts:
        context.close()


def test_the_kiosks_pages_run_clean_on_a_desktop_and_a_phone(
    touch_screens, kiosk_user, make_client, theo, folder, answer_checkin
):
    client = make_client(theo, code="C-KIOSK", sessions=2)
    found = []
    for (window, width), number in zip(touch_screens, (1, 2), strict=True):
        problems = Problems(window, width)
        problems.where = "the login as the kiosk"
        type_password(window, kiosk_user.username, PASSWORD)
        expect(window.get_by_label("Your code")).to_be_visible()
        window.wait_for_load_state()  # its scripts loaded: leaving earlier would abort them
        _walk(window, problems, kiosk_pages(), "kiosk", folder, phone=width == "320")
        _, code, _ = issue_code(client.sessions.get(number=number), actor=theo)
        _kiosk_check_in(window, problems, code, folder, answer_checkin)
        found += problems.found
    assert found == []
