"""The client's voice in the browser: on a 320 px phone the client proposes a goal in their own
words and reads their own progress on the thank-you page; at the desktop and on a phone their
therapist reframes the proposal with them and accepts it as a goal."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from alliance.web.checkin.links import create_link
from alliance.web.goals.models import GoalProposal

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
PROPOSED = "Go back to running on Sundays"
AGREED = "Run for 20 minutes on Sundays"


@pytest.mark.browser
def test_the_client_proposes_a_goal_and_reads_their_own_progress(
    phone, theo, loop_client, answer_checkin, screenshots
):
    loop_client.sees_own_progress = True
    loop_client.save(update_fields=["sees_own_progress"])
    _, token = create_link(loop_client.sessions.get(number=3), by=theo)
    phone.goto(f"/c/{token}/")
    expect(phone.get_by_role("heading", name="A goal of your own (optional)")).to_be_visible()
    answer_checkin(phone, rating=9)
    phone.get_by_label("Is there a goal you would like us to work on?").fill(PROPOSED)
    phone.get_by_role("button", name="Send my answers").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
    progress = phone.get_by_role("region", name="Your progress so far")
    expect(progress.get_by_role("listitem")).to_have_text(
        [
            'Your progress on "Sleep better": 6, 7, 9 of 10.',
            "How you have been (PHQ-9, from 0 to 27, lower is better): 8, 8, 8.",
        ]
    )
    expect(progress).not_to_contain_text("alliance")
    phone.screenshot(path=screenshots / "checkin-thanks-progress-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0
    assert GoalProposal.objects.get().text == PROPOSED


def _proposed(client) -> GoalProposal:
    return GoalProposal.objects.create(
        client=client, session=client.sessions.get(number=2), text=PROPOSED
    )


@pytest.mark.browser
def test_the_proposals_fit_a_320_pixel_screen(phone, theo, loop_client, log_in, screenshots):
    _proposed(loop_client)
    log_in(phone, theo)
    phone.goto(f"/clients/{loop_client.code}/#goals-heading")
    voice = phone.locator(".client-voice")
    expect(voice).to_contain_text(PROPOSED)
    expect(voice.get_by_role("button", name=f'Accept "{PROPOSED}" as a goal')).to_be_visible()
    voice.scroll_into_view_if_needed()
    phone.screenshot(path=screenshots / "client-goal-proposals-phone-320.png", full_page=True)
    assert phone.evaluate(OVERFLOW) <= 0


@pytest.mark.browser
def test_the_therapist_reframes_the_proposal_with_the_client(
    desktop, theo, loop_client, log_in, screenshots
):
    _proposed(loop_client)
    log_in(desktop, theo)
    desktop.goto(f"/clients/{loop_client.code}/")
    voice = desktop.locator(".client-voice")
    expect(voice.get_by_role("heading", name="Goals the client proposed")).to_be_visible()
    expect(voice).to_contain_text(f"{PROPOSED} at session 2; new")
    voice.screenshot(path=screenshots / "client-goal-proposals.png")
    voice.get_by_role("link", name=f'Reframe "{PROPOSED}" with the client').click()
    expect(desktop.get_by_role("heading", level=1)).to_contain_text("Reframe a proposed goal")
    wording = desktop.get_by_label("The goal, in the words you agreed together")
    expect(wording).to_have_value(PROPOSED)
    wording.fill(AGREED)
    desktop.get_by_role("button", name="Accept as a goal").click()
    expect(desktop.get_by_text(f'"{AGREED}" is now goal 2.')).to_be_visible()
    goals = desktop.get_by_role("table").filter(has_text="Goal (client's words)")
    expect(goals).to_contain_text(AGREED)
    expect(desktop.locator(".client-voice")).to_contain_text("No open proposal.")
