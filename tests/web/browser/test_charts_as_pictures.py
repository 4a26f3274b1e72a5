"""The charts as a reader sees them, at desktop width and on a 320 px phone: every chart drawn
inside the screen with its legend beside it, every word of it 11 px or more, inside it and
touching no other (measured on the screen), no page scrolling sideways, and a screenshot of each
saved for a person to look at (the client PDF's first pages too)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from playwright.sync_api import Page, expect

from alliance.web.caseload.summary import refresh
from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Client, Rupture
from alliance.web.outcome.alerts import follow_recovery

from .chart_words import chart_words, unreadable

pytestmark = pytest.mark.browser

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
CHARTS_INSIDE = """() => [...document.querySelectorAll('svg.chart')]
    .filter(svg => getComputedStyle(svg).display !== 'none').map(svg => {
    const box = svg.getBoundingClientRect();
    return box.width > 0 && box.left >= 0 && box.right <= document.documentElement.clientWidth;
})"""
CLIENT = [10, 10, 8, 5, 4, 7, 9, 10]  # a top score, a dip and a climb back
THERAPIST = [9, 9, 9, 8, 8, 8, 9, 10]
PHQ = [19, 18, 18, 16, 17, 13, 11, 9]


def _phq(total: int) -> dict[str, int]:
    return {str(n): min(3, max(0, total - 3 * (n - 1))) for n in range(1, 9)} | {"9": 0}


@pytest.fixture
def charted(make_client, theo) -> Client:
    """Eight sessions rated by client and therapist, one repaired and one unrepaired rupture."""
    theo.first_name, theo.last_name = "Theodora", "Okonkwo-Lindqvist"
    theo.save(update_fields=["first_name", "last_name"])
    client = make_client(theo, code="C-CHART", sessions=8, goals=("Get back to work",))
    goal = str(client.goals.get().pk)
    for number, (mine, theirs, phq) in enumerate(zip(CLIENT, THERAPIST, PHQ, strict=True), 1):
        session = client.sessions.get(number=number)
        answers = {
            "alliance-checkin": {**{str(n): mine for n in range(1, 7)}, "8": 0},
            "phq-9": _phq(phq),
            "goal-progress": {goal: min(10, number + 1)},
        }
        store_answers(session, answers, respondent="client")
        therapist_form = {"alliance-checkin-t": {**{str(n): theirs for n in range(1, 7)}, "7": 0}}
        store_answers(session, therapist_form, respondent="therapist", entered_by=theo)
    follow_recovery(client)
    for onset, lowest, status, repair in ((3, 5, "repaired", 7), (8, 8, "open", None)):
        Rupture.objects.create(
            client=client,
            onset_session=onset,
            lowest_session=lowest,
            last_session=lowest,
            rule="v-episode",
            status=status,
            repair_session=repair,
        )
    refresh([client.pk], client.clinic_id)  # stored without the follow-up: sum it up as it would
    return client


def _charts_fit(page: Page) -> None:
    """Every chart inside the screen, and every word of it readable, inside it and apart."""
    assert page.evaluate(OVERFLOW) <= 0
    inside = page.evaluate(CHARTS_INSIDE)
    assert inside and all(inside)
    assert unreadable(chart_words(page)) == []


def _client_page(page: Page, client: Client, shot) -> None:
    page.goto(f"/clients/{client.code}/")
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Alliance over sessions")
    )
    expect(
        section.get_by_role("img", name="Goals: the client's and the therapist's ratings")
    ).to_be_visible()
    expect(section.get_by_role("list", name="Key to the chart")).to_contain_text(
        "Rupture, repaired"
    )
    expect(section.get_by_role("list", name="Key to the chart")).to_contain_text("Repair")
    _charts_fit(page)
    section.screenshot(path=shot)


def test_the_client_page_charts_at_desktop_width(desktop: Page, log_in, theo, charted, screenshots):
    log_in(desktop, theo)
    _client_page(desktop, charted, screenshots / "charts-alliance-desktop.png")
    outcome = desktop.locator("figure.outcome-figure")
    expect(outcome.get_by_role("list", name="Key to the chart")).to_contain_text("Expected course")
    outcome.screenshot(path=screenshots / "charts-outcome-desktop.png")


def test_the_client_page_charts_on_a_phone(phone: Page, log_in, theo, charted, screenshots):
    log_in(phone, theo)
    _client_page(phone, charted, screenshots / "charts-alliance-phone-320.png")
    outcome = phone.locator("figure.outcome-figure")
    outcome.screenshot(path=screenshots / "charts-outcome-phone-320.png")


def _supervision(page: Page, log_in, sam, theo, shot) -> None:
    log_in(page, sam)
    page.goto(f"/supervision/{theo.username}/")
    figure = page.locator("figure.interval-figure")
    name = "Theodora Okonkwo-Lindqvist against the clinic"
    expect(figure.get_by_role("img", name=name)).to_be_visible()
    expect(figure).to_contain_text("Whole clinic")
    expect(figure.locator("svg.intervals:visible")).to_have_count(1)
    _charts_fit(page)
    figure.screenshot(path=shot)


def test_the_supervision_chart_at_desktop_width(desktop, log_in, sam, theo, charted, screenshots):
    _supervision(desktop, log_in, sam, theo, screenshots / "charts-supervision-desktop.png")


def test_the_supervision_chart_on_a_phone(phone, log_in, sam, theo, charted, screenshots):
    _supervision(phone, log_in, sam, theo, screenshots / "charts-supervision-phone-320.png")


def test_the_client_report_and_its_pdf(
    desktop: Page, phone: Page, log_in, theo, charted, screenshots
):
    log_in(desktop, theo)
    desktop.goto(f"/clients/{charted.code}/report/")
    expect(desktop.locator("svg.chart.wide-chart:visible")).to_have_count(2)
    _charts_fit(desktop)
    phone.context.add_cookies(desktop.context.cookies())
    phone.goto(f"/clients/{charted.code}/report/")
    expect(phone.get_by_role("heading", name="Your progress so far")).to_be_visible()
    expect(phone.locator("svg.chart.narrow-chart:visible")).to_have_count(2)
    _charts_fit(phone)
    phone.screenshot(path=screenshots / "charts-client-report-phone-320.png", full_page=True)
    response = phone.request.get(f"/clients/{charted.code}/report.pdf")
    assert response.ok and response.body().startswith(b"%PDF-")
    target = screenshots / "charts-client-report.pdf"
    target.write_bytes(response.body())
    if shutil.which("pdftoppm"):
        stem = str(screenshots / "charts-client-report-pdf")
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "3", str(target), stem], check=True
        )
