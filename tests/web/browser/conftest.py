"""Browser fixtures: one Chromium per test session, a desktop page for staff, a phone for clients.

The Chromium is the one the operating system provides; the tests never download a browser.
Pages talk to pytest-django's live server, whose database the tests seed through the app's models.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Client

CHROMIUM = os.environ.get("ALLIANCE_TEST_CHROMIUM", "/usr/bin/chromium")
MISSING_CHROMIUM = (
    "The browser tests need Chromium, and there is none at {path}: install it with "
    "`apt install chromium`, or name yours with ALLIANCE_TEST_CHROMIUM=/path/to/chromium. "
    "`make test-fast` runs every other test."
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 320, "height": 640},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SECONDS = 10_000  # Playwright takes milliseconds
PASSWORD = "a-browser-test-password"


def pytest_collection_finish(session) -> None:
    """Stop at once, in one line and with a failing status, when browser tests are selected and
    there is no Chromium to drive: a missing browser is never a skip."""
    wanted = any(item.get_closest_marker("browser") for item in session.items)
    if wanted and not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.exit(MISSING_CHROMIUM.format(path=CHROMIUM), returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix) -> None:
    """A PostgreSQL test database of its own, so a browser run can overlap a fast-suite run."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if "postgresql" in database["ENGINE"]:
        test = database.setdefault("TEST", {})
        test["NAME"] = (test.get("NAME") or f"test_{database['NAME']}") + "_browser"


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One browser for the whole session; contexts keep the tests apart."""
    # Playwright's sync API runs an event loop in this thread, which Django would otherwise
    # take for async code and refuse to query the database from.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    expect.set_options(timeout=SECONDS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _page(browser: Browser, options: dict) -> Iterator[Page]:
    context = browser.new_context(**options)
    context.set_default_timeout(SECONDS)
    page = context.new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    page.on("console", lambda message: _note_policy_violation(message, script_errors))
    yield page
    context.close()
    assert not script_errors, f"the page's scripts failed: {script_errors}"


def _note_policy_violation(message, script_errors: list[str]) -> None:
    """A script or style the Content-Security-Policy refused counts as a page error."""
    if message.type == "error" and "Content Security Policy" in message.text:
        script_errors.append(message.text)


@pytest.fixture
def desktop(chromium, live_server) -> Iterator[Page]:
    """A staff member's desktop browser window."""
    yield from _page(chromium, {**DESKTOP, "base_url": live_server.url})


@pytest.fixture
def phone(chromium, live_server) -> Iterator[Page]:
    """A client's phone: 320 px wide, touch screen, mobile viewport rules."""
    yield from _page(chromium, {**PHONE, "base_url": live_server.url})


@pytest.fixture(scope="session")
def screenshots(pytestconfig) -> Path:
    folder = pytestconfig.rootpath / "artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def log_in():
    """Log a staff member in through the login form and the code of their authenticator app;
    lands on their start page: the clinic's overview for its admin, the caseload for the rest."""

    def log_in_as(page: Page, user) -> None:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="phone", confirmed=True)
        type_password(page, user.username, PASSWORD)
        expect(page.get_by_role("heading", name="Two-factor login")).to_be_visible()
        page.get_by_label("Code from your authenticator app").fill(current_code(device))
        page.get_by_role("button", name="Continue").click()
        admin = user.is_clinic_admin and user.clinic_id is not None
        start = user.clinic.name if admin else "Caseload"
        expect(page.get_by_role("heading", name=start, level=1)).to_be_visible()

    return log_in_as


def type_password(page: Page, username: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def current_code(device) -> str:
    from django_otp.oath import totp

    return f"{totp(device.bin_key):06d}"


def _answers(client: Client, rating: int) -> dict[str, dict[str, object]]:
    goals = {str(goal.pk): rating for goal in client.goals.all()}
    return {
        "alliance-checkin": {**{str(n): rating for n in range(1, 7)}, "8": 0},
        "phq-9": {str(n): 1 for n in range(1, 10)} | {"9": 0},
        "goal-progress": goals,
    }


@pytest.fixture
def loop_client(make_client, theo) -> Client:
    """Theo's client with three sessions; the client answered check-ins at sessions 1 and 2."""
    client = make_client(theo, code="C-LOOP1", sessions=3)
    for number, rating in ((1, 6), (2, 7)):
        store_answers(
            client.sessions.get(number=number),
            _answers(client, rating),
            respondent="client",
            submitted_at=dt.datetime(2026, 1, number * 7, 17, tzinfo=dt.UTC),
        )
    return client


RADIO_GROUPS = """inputs => Object.values(inputs.reduce((groups, input) => {
    const legend = input.closest('fieldset')?.querySelector('legend')?.textContent || '';
    groups[input.name] ??= {name: input.name, values: [], optional: legend.includes('(optional)')};
    groups[input.name].values.push(input.value);
    return groups;
}, {}))"""


@pytest.fixture
def answer_checkin():
    """Answer the check-in on a phone by tapping, as a client would: every question shown, or
    only the required ones; rating answers the 0-10 questions, the first option the others."""

    def answer(
        page: Page,
        *,
        rating: int = 9,
        mood: int = 1,
        self_harm: int = 0,
        comment: str = "",
        skip_optional: bool = False,
    ) -> None:
        chosen = {f"alliance-checkin__{item}": rating for item in range(1, 7)}
        chosen |= {f"phq-9__{item}": mood for item in range(1, 9)}
        chosen |= {"alliance-checkin__8": 0, "phq-9__9": self_harm}
        for group in page.locator("input[type=radio]").evaluate_all(RADIO_GROUPS):
            if skip_optional and group["optional"]:
                continue
            wanted = str(chosen.get(group["name"], rating))
            _tap(page, group["name"], wanted if wanted in group["values"] else group["values"][0])
        if comment:
            page.locator('textarea[name="alliance-checkin__7"]').fill(comment)

    return answer


def _tap(page: Page, name: str, value: str) -> None:
    radio = page.locator(f'input[name="{name}"][value="{value}"]')
    radio.tap()
    expect(radio).to_be_checked()
