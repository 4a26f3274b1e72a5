"""The supervisor follows the team page's link to the team over time, reads three charts with
their keys and the table, and narrows them to one therapist; at 1280 px and on a 320 px phone every
word of the charts is 11 px or more, inside its chart and touching no other, and nothing scrolls
sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Rupture
from tests.web.outcome_helpers import alliance, phq

from .chart_words import chart_words, unreadable

pytestmark = pytest.mark.browser
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _course(client, sessions: int, start: int, step: float) -> None:
    """Weekly check-ins: the rating climbs from `start` by `step` a session, PHQ-9 falls."""
    for number in range(1, sessions + 1):
        rating = min(10, round(start + step * number))
        answers = {"alliance-checkin": alliance(rating), "phq-9": phq(max(2, 22 - number))}
        store_answers(client.sessions.get(number=number), answers, respondent="client")


@pytest.fixture
def months_of_history(make_client, make_user, theo, theos_team):
    tia = make_user("tia", team=theos_team, first_name="Tia", last_name="Marsh")
    for n, (therapist, sessions) in enumerate(((theo, 24), (theo, 16), (tia, 20))):
        client = make_client(therapist, code=f"C-TREND{n}", sessions=sessions)
        _course(client, sessions, start=4 + n, step=0.2)
        for onset, status in ((3, "repaired"), (9, "unrepaired"), (14, "repaired")):
            Rupture.objects.create(
                client=client,
                onset_session=onset + n,
                lowest_session=onset + n,
                last_session=onset + n,
                rule="v-episode",
                status=status,
            )


def test_the_supervisor_reads_the_team_over_time_and_narrows_it(
    desktop, phone, log_in, sam, months_of_history, screenshots
):
    log_in(desktop, sam)
    desktop.get_by_role("navigation", name="Main").get_by_role("link", name="Your team").click()
    desktop.get_by_role("link", name="Your team over time").click()
    expect(desktop.get_by_role("heading", name="Your team over time")).to_be_visible()
    expect(desktop.locator("svg.chart.months:visible")).to_have_count(3)
    assert unreadable(chart_words(desktop)) == []
    expect(
        desktop.get_by_role("img", name="The alliance by month, as the clients rated it")
    ).to_be_visible()
    table = desktop.get_by_role("table", name="Each month in figures")
    expect(table.get_by_role("row", name="Jan 2026")).to_contain_text("3")
    desktop.screenshot(path=screenshots / "team-trends.png", full_page=True)
    desktop.get_by_label("Therapist").select_option("tia")
    desktop.get_by_role("button", name="Show").click()
    expect(desktop.get_by_text("The clients of Tia Marsh")).to_be_visible()
    january = desktop.get_by_role("table", name="Each month in figures").get_by_role(
        "row", name="Jan 2026"
    )
    expect(january.get_by_role("cell").first).to_have_text("1")
    phone.context.add_cookies(desktop.context.cookies())
    phone.goto("/team/trends/")
    expect(phone.locator("svg.chart.months.narrow-chart:visible")).to_have_count(3)
    phone.screenshot(path=screenshots / "team-trends-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0
    charts = chart_words(phone)
    assert len(charts) == 3 and unreadable(charts) == []
