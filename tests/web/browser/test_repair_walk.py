"""The repair loop in a real browser: the client disagrees with a task on their phone and says
something felt off; the therapist sees one explained alert, opens the review, records what they
did; the next check-in is better and the rupture shows as repaired."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Client, Task, TaskKind

CONCERN = "Writing everything down every morning makes me more anxious."
NOTICED = "Short answers at first, then doubts about the diary."


@pytest.fixture
def walk_client(make_client, theo) -> Client:
    """Theo's client: six sessions, a between-session task, good check-ins at sessions 1-4."""
    client = make_client(theo, code="C-WALK1", sessions=6)
    Task.objects.create(
        client=client,
        goal=client.goals.get(),
        kind=TaskKind.BETWEEN,
        description="Keep a sleep diary",
        rationale="to see what helps you sleep",
    )
    goal = str(client.goals.get().pk)
    for number in range(1, 5):
        answers = {
            "alliance-checkin": {**{str(n): 8 for n in range(1, 7)}, "8": 0},
            "phq-9": {str(n): 1 for n in range(1, 10)} | {"9": 0},
            "goal-progress": {goal: 4},
        }
        store_answers(
            client.sessions.get(number=number),
            answers,
            respondent="client",
            submitted_at=dt.datetime(2026, 1, number * 7, 17, tzinfo=dt.UTC),
        )
    return client


def _tap(page: Page, name: str, value: object) -> None:
    radio = page.locator(f'input[name="{name}"][value="{value}"]')
    radio.tap()
    expect(radio).to_be_checked()


def _create_link(page: Page, client: Client, session: int) -> str:
    page.goto(f"/clients/{client.code}/")
    sessions = page.get_by_role("region", name="Sessions")
    header = page.get_by_role("rowheader", name=str(session), exact=True)
    sessions.get_by_role("row").filter(has=header).get_by_role(
        "button", name="Create check-in link"
    ).click()
    return page.get_by_role("textbox", name="Link").input_value()


def _rate_task(
    phone: Page, task: Task, *, understanding: int, agreement: int, concern: str = ""
) -> None:
    _tap(phone, f"task-understanding__{task.pk}", understanding)
    _tap(phone, f"task-agreement__{task.pk}", agreement)
    _tap(phone, f"task-done__{task.pk}", "partly")
    if concern:
        phone.locator(f'textarea[name="task-concern__{task.pk}"]').fill(concern)


def _send(phone: Page) -> None:
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")


def _record_what_i_did(desktop: Page) -> None:
    desktop.get_by_role("link", name="Open the rupture review").click()
    expect(desktop.get_by_role("heading", level=1)).to_contain_text("Possible rupture at session 5")
    expect(desktop.get_by_text(CONCERN).first).to_be_visible()
    desktop.get_by_label("Confrontation").check()
    desktop.get_by_label("What you noticed").fill(NOTICED)
    desktop.get_by_label("Explain again why a task may help").check()
    desktop.get_by_label("Change the task or the goal").check()
    desktop.get_by_label("How it went").fill("We made the diary two lines a day.")
    desktop.get_by_role("button", name="Save what I did").click()
    expect(desktop.get_by_text("Recorded")).to_be_visible()


@pytest.mark.browser
def test_a_rupture_is_explained_recorded_and_repaired(
    desktop, phone, theo, walk_client, log_in, answer_checkin, screenshots
):
    task = walk_client.tasks.get()
    log_in(desktop, theo)
    phone.goto(_create_link(desktop, walk_client, 5))
    answer_checkin(phone, rating=5, comment="You seemed in a hurry today.")
    _tap(phone, "alliance-checkin__8", 2)
    _rate_task(phone, task, understanding=4, agreement=2, concern=CONCERN)
    phone.screenshot(path=screenshots / "repair-walk-1-strained-checkin.png", full_page=True)
    _send(phone)

    desktop.goto(f"/clients/{walk_client.code}/")
    alerts = desktop.get_by_role("region", name="Open alerts")
    expect(alerts.get_by_role("listitem")).to_have_count(1)
    expect(alerts).to_contain_text("Possible rupture. At session 5 the alliance was 3.0 points")
    expect(alerts).to_contain_text(CONCERN)
    desktop.screenshot(path=screenshots / "repair-walk-2-explained-alert.png", full_page=True)
    _record_what_i_did(desktop)
    desktop.screenshot(path=screenshots / "repair-walk-3-review.png", full_page=True)

    phone.goto(_create_link(desktop, walk_client, 6))
    answer_checkin(phone, rating=9)
    _rate_task(phone, task, understanding=9, agreement=8)
    _send(phone)

    desktop.goto(f"/clients/{walk_client.code}/")
    expect(desktop.get_by_role("region", name="Open alerts")).to_have_count(0)
    timeline = desktop.get_by_role("region", name="Ruptures and repair")
    expect(timeline).to_contain_text("Session 5: Repaired at session 6")
    expect(timeline).to_contain_text("Tried: Change the task or the goal, Explain again why")
    chart = desktop.locator('svg.wide-chart[aria-labelledby^="alliance-goal-"]')
    expect(chart.locator("rect.mark.repair title")).to_have_text("Repaired at session 6")
    desktop.screenshot(path=screenshots / "repair-walk-4-repaired.png", full_page=True)
