"""The reports in a real browser: the client progress report and the supervision report render
with their charts, the team dashboard lists the team, and both PDFs download."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Client, Rupture
from alliance.web.outcome.alerts import follow_recovery

pytestmark = pytest.mark.browser


def _phq(total: int) -> dict[str, int]:
    return {str(n): min(3, max(0, total - 3 * (n - 1))) for n in range(1, 9)} | {"9": 0}


def _course(client: Client, totals: list[int], ratings: list[int]) -> None:
    goal = str(client.goals.get().pk)
    for number, (total, rating) in enumerate(zip(totals, ratings, strict=True), start=1):
        answers = {
            "alliance-checkin": {**{str(n): rating for n in range(1, 7)}, "3": rating - 1, "8": 0},
            "phq-9": _phq(total),
            "goal-progress": {goal: min(10, number + 2)},
        }
        store_answers(client.sessions.get(number=number), answers, respondent="client")
    follow_recovery(client)


@pytest.fixture
def team_history(make_client, theo, cora):
    """Theo: one client recovering, one off track with an unrepaired rupture; Cora: one client."""
    better = make_client(theo, code="C-GOOD1", sessions=6, goals=("Get back to work",))
    _course(better, [19, 17, 14, 12, 9, 7], [7, 8, 8, 9, 9, 9])
    worse = make_client(theo, code="C-WORSE", sessions=5, goals=("Sleep through the night",))
    _course(worse, [18, 20, 21, 23, 24], [8, 8, 6, 5, 6])
    Rupture.objects.create(
        client=worse,
        onset_session=3,
        lowest_session=4,
        last_session=5,
        rule="v-episode",
        status="unrepaired",
    )
    Rupture.objects.create(
        client=better,
        onset_session=2,
        lowest_session=2,
        last_session=3,
        rule="v-episode",
        status="repaired",
        repair_session=3,
    )
    _course(make_client(cora, code="C-CORA2", sessions=3), [12, 10, 9], [9, 9, 10])
    call_command("refresh_summaries")  # stored without their follow-up: summed up as a load is
    return better, worse


def _save_pdf(page: Page, url: str, screenshots, name: str) -> None:
    response = page.request.get(url)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF-") and len(body) > 10_000
    target = screenshots / f"{name}.pdf"
    target.write_bytes(body)
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(target),
                str(screenshots / f"{name}-pdf-page-1"),
            ],
            check=True,
        )


def test_the_client_progress_report(desktop: Page, log_in, theo, team_history, screenshots):
    better, _ = team_history
    log_in(desktop, theo)
    desktop.goto(f"/clients/{better.code}/")
    expect(desktop.get_by_text("on track").first).to_be_visible()
    desktop.screenshot(path=screenshots / "client-expected-recovery.png", full_page=True)
    desktop.get_by_role("link", name="Progress report for the client").click()
    expect(desktop.get_by_role("heading", name="Your progress so far")).to_be_visible()
    expect(desktop.get_by_text("Get back to work", exact=True)).to_be_visible()
    expect(desktop.locator("svg.chart:visible")).to_have_count(2)
    expect(desktop.get_by_text("C-WORSE")).to_have_count(0)
    desktop.screenshot(path=screenshots / "client-report.png", full_page=True)
    _save_pdf(desktop, f"/clients/{better.code}/report.pdf", screenshots, "client-report")


def test_the_supervision_report_and_the_team(
    desktop: Page, log_in, sam, theo, team_history, screenshots
):
    log_in(desktop, sam)
    desktop.get_by_role("navigation", name="Main").get_by_role("link", name="Your team").click()
    therapists = desktop.get_by_role("table", name="Each therapist you supervise")
    row = therapists.get_by_role("row", name="theo")
    expect(row).to_contain_text("50%")
    clients = desktop.get_by_role("table", name="Caseload")  # the team's clients, below
    expect(clients.get_by_role("row", name="C-WORSE")).to_contain_text("theo")
    desktop.screenshot(path=screenshots / "team-dashboard.png", full_page=True)
    row.get_by_role("link", name="Supervision report").click()
    expect(desktop.get_by_role("heading", name="Supervision report: theo")).to_be_visible()
    expect(desktop.get_by_text("Not on track: 1.")).to_be_visible()
    desktop.screenshot(path=screenshots / "supervision-report.png", full_page=True)
    _save_pdf(
        desktop, f"/supervision/{theo.username}/report.pdf", screenshots, "supervision-report"
    )
