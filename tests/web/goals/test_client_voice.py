"""The client's voice on their goals, through the views: at check-in they may propose a goal in
their own words and say which goal matters most now; their therapist, and only they, accepts,
reframes or marks each proposal to discuss, every step audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, CheckinSubmission, Goal, Response
from alliance.web.goals.models import GoalFocus, GoalProposal, ProposalStatus
from tests.web.checkin_helpers import submit_checkin

PROPOSED = "Go back to running on Sundays"


@pytest.fixture
def two_goals(make_client, theo):
    return make_client(theo, code="C-VOICE1", sessions=2, goals=("Sleep better", "Worry less"))


def _proposed(client, number: int = 1, text: str = PROPOSED):
    submit_checkin(client, number, **{"goal-proposal": text})
    return GoalProposal.objects.get(client=client, session__number=number)


def _actions(client) -> list[str]:
    return list(AuditEvent.objects.filter(client=client).values_list("action", flat=True))


def test_the_checkin_asks_for_a_goal_of_their_own_and_what_matters_most(client, two_goals, theo):
    from alliance.web.checkin.links import create_link

    _, token = create_link(two_goals.sessions.get(number=1), by=theo)
    html = client.get(reverse("checkin", args=[token])).content.decode()
    assert "A goal of your own (optional)" in html
    assert "Is there a goal you would like us to work on? Write it in your own words." in html
    assert "Which of your goals matters most to you now?" in html
    worry = two_goals.goals.get(text="Worry less")
    assert f'name="goal-most-now" value="{worry.pk}"' in html


def test_with_one_goal_only_the_proposal_is_asked(client, checkin_token):
    html = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    assert "Write it in your own words." in html
    assert "matters most to you now" not in html


def test_the_proposal_and_what_matters_most_are_kept_with_the_answers(two_goals):
    worry = two_goals.goals.get(text="Worry less")
    page = submit_checkin(
        two_goals, 1, **{"goal-proposal": f"  {PROPOSED} ", "goal-most-now": str(worry.pk)}
    )
    assert page.status_code == 200 and "Thank you" in page.content.decode()
    proposal = GoalProposal.objects.get()
    assert (proposal.text, proposal.session.number, proposal.status) == (PROPOSED, 1, "new")
    assert GoalFocus.objects.get().goal == worry
    assert {"goal-proposed", "goal-most-now-said", "checkin-submitted"} <= set(_actions(two_goals))
    assert two_goals.goals.count() == 2  # a proposal is not a goal until the therapist agrees


def test_both_are_optional(two_goals):
    assert "Thank you" in submit_checkin(two_goals, 1).content.decode()
    assert not GoalProposal.objects.exists() and not GoalFocus.objects.exists()
    assert Response.objects.filter(client=two_goals).exists()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Run\x00 again", "Null characters are not allowed."),
        ("Run\x1b again", "contains a control character (U+001B); remove it"),
        ("Run \ufffd again", "contains bytes that are not valid UTF-8 text; retype it"),
        ("x" * 301, "Please keep the goal to 300 characters"),
    ],
)
def test_a_bad_proposal_is_refused_beside_its_question_and_nothing_is_kept(
    two_goals, text, problem
):
    page = submit_checkin(two_goals, 1, **{"goal-proposal": text})
    html = page.content.decode()
    assert page.status_code == 200 and "Thank you" not in html
    assert 'id="id_goal-proposal_error"' in html and problem in html
    assert not CheckinSubmission.objects.exists() and not GoalProposal.objects.exists()
    assert not Response.objects.exists()


def test_a_goal_that_is_not_theirs_cannot_matter_most(two_goals, make_client, cora):
    other = make_client(cora, goals=("Someone else's goal",)).goals.get()
    page = submit_checkin(two_goals, 1, **{"goal-most-now": str(other.pk)})
    html = page.content.decode()
    assert (
        'id="id_goal-most-now_error"' in html and "Please choose one of your goals shown." in html
    )
    assert not CheckinSubmission.objects.exists() and not GoalFocus.objects.exists()


def test_the_therapist_sees_the_proposal_and_what_matters_most(login, theo, two_goals):
    worry = two_goals.goals.get(text="Worry less")
    submit_checkin(two_goals, 1, **{"goal-proposal": PROPOSED, "goal-most-now": str(worry.pk)})
    html = login(theo).get(reverse("client", args=[two_goals.code])).content.decode()
    assert "Goals the client proposed" in html
    assert f'<q>{PROPOSED}</q> <span class="meta">at session 1; new</span>' in html
    assert (
        'At session 1 the client said what matters most to them now: <strong>"Worry less"</strong>'
    ) in html
    assert "Accept as a goal" in html and "Reframe with the client" in html


def test_accepting_makes_a_goal_in_the_clients_words(login, theo, two_goals):
    proposal = _proposed(two_goals)
    web = login(theo)
    url = reverse("goal-proposal-accept", args=[two_goals.code, proposal.pk])
    page = web.post(url, follow=True)
    goal = Goal.objects.get(text=PROPOSED)
    assert (goal.client, goal.priority, goal.status) == (two_goals, 3, "active")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.goal) == (ProposalStatus.ACCEPTED, goal)
    html = page.content.decode()
    assert f"&quot;{PROPOSED}&quot; is now goal 3." in html
    assert "Proposals accepted as goals (1)" in html and "No open proposal." in html
    assert {"goal-proposal-accepted", "goal-added"} <= set(_actions(two_goals))
    assert web.post(url).status_code == 404  # accepted once only
    assert Goal.objects.filter(text=PROPOSED).count() == 1


def test_reframing_agrees_new_words_and_keeps_the_clients(login, theo, two_goals):
    proposal = _proposed(two_goals)
    web = login(theo)
    url = reverse("goal-proposal-reframe", args=[two_goals.code, proposal.pk])
    form = web.get(url).content.decode()
    assert f"At session 1 the client wrote: <q>{PROPOSED}</q>" in form
    assert f">{PROPOSED}</textarea>" in form
    page = web.post(url, {"text": "Run for 20 minutes on Sundays"}, follow=True)
    assert page.redirect_chain[-1][0].endswith("#goals-heading")
    proposal.refresh_from_db()
    assert proposal.text == PROPOSED and proposal.goal.text == "Run for 20 minutes on Sundays"
    assert (
        f"<q>{PROPOSED}</q>, agreed together as <q>Run for 20 minutes on Sundays</q>"
        in page.content.decode()
    )
    assert {"goal-proposal-form", "goal-proposal-reframed", "goal-added"} <= set(
        _actions(two_goals)
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [("   ", "Write the goal as you agreed it with the client."), ("Run\x07", "U+0007")],
)
def test_a_bad_reframing_is_refused_with_the_field_named(login, theo, two_goals, text, problem):
    proposal = _proposed(two_goals)
    url = reverse("goal-proposal-reframe", args=[two_goals.code, proposal.pk])
    page = login(theo).post(url, {"text": text})
    html = page.content.decode()
    assert page.status_code == 400 and 'id="id_text_error"' in html and problem in html
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.NEW and two_goals.goals.count() == 2


def test_to_discuss_keeps_the_proposal_listed(login, theo, two_goals):
    proposal = _proposed(two_goals)
    url = reverse("goal-proposal-discuss", args=[two_goals.code, proposal.pk])
    html = login(theo).post(url, follow=True).content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.TO_DISCUSS
    assert f'<q>{PROPOSED}</q> <span class="meta">at session 1; to discuss together</span>' in html
    assert "goal-proposal-to-discuss" in _actions(two_goals)
    assert two_goals.goals.count() == 2


def _action_urls(client, proposal) -> list[tuple[str, str]]:
    args = [client.code, proposal.pk]
    return [
        ("post", reverse("goal-proposal-accept", args=args)),
        ("post", reverse("goal-proposal-discuss", args=args)),
        ("get", reverse("goal-proposal-reframe", args=args)),
        ("post", reverse("goal-proposal-reframe", args=args)),
        ("post", reverse("progress-view", args=[client.code])),
    ]


@pytest.mark.parametrize("persona", ["cora", "sam", "ada"])
def test_only_the_clients_own_therapist_may_act(request, login, two_goals, persona):
    proposal = _proposed(two_goals)
    web = login(request.getfixturevalue(persona))
    for method, url in _action_urls(two_goals, proposal):
        data = {"text": "Taken over", "shown": "yes"} if method == "post" else None
        assert getattr(web, method)(url, data).status_code == 404, url
    proposal.refresh_from_db()
    two_goals.refresh_from_db()
    assert proposal.status == ProposalStatus.NEW and two_goals.goals.count() == 2
    assert two_goals.sees_own_progress is None


def test_the_supervisor_sees_the_proposals_without_the_buttons(login, sam, two_goals):
    _proposed(two_goals)
    html = login(sam).get(reverse("client", args=[two_goals.code])).content.decode()
    assert f"<q>{PROPOSED}</q>" in html
    assert "Accept as a goal" not in html and "Reframe with the client" not in html


def test_a_proposal_of_another_client_is_not_found(login, theo, two_goals, make_client):
    other = make_client(theo, code="C-VOICE2")
    proposal = _proposed(other)
    url = reverse("goal-proposal-accept", args=[two_goals.code, proposal.pk])
    assert login(theo).post(url).status_code == 404
    assert not Goal.objects.filter(text=PROPOSED).exists()


def test_logged_out_nobody_acts(client, two_goals):
    proposal = _proposed(two_goals)
    for method, url in _action_urls(two_goals, proposal):
        page = getattr(client, method)(url)
        assert page.status_code == 302 and "/login/" in page["Location"], url
