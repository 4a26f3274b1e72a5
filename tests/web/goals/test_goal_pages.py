"""Adding and editing goals: the client's own therapist only, errors by field, audited history."""

import pytest
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, Goal, GoalStatusChange


def _urls(client) -> list[str]:
    goal = client.goals.get()
    return [
        reverse("goal-new", args=[client.code]),
        reverse("goal-edit", args=[client.code, goal.pk]),
    ]


@pytest.mark.parametrize(
    "persona, status", [("theo", 200), ("sam", 404), ("cora", 404), ("ada", 404)]
)
def test_goal_pages_are_for_the_clients_own_therapist(
    request, login, theos_client, persona, status
):
    page = login(request.getfixturevalue(persona))
    assert [page.get(url).status_code for url in _urls(theos_client)] == [status, status]


@pytest.mark.parametrize("persona", ["sam", "cora", "ada"])
def test_nobody_else_can_change_a_goal(request, login, theos_client, persona):
    page = login(request.getfixturevalue(persona))
    for url in _urls(theos_client):
        assert page.post(url, {"text": "Hijacked", "priority": "1"}).status_code == 404
    assert list(Goal.objects.values_list("text", flat=True)) == ["Sleep better"]


def test_anonymous_visitors_are_sent_to_the_login(client, theos_client):
    page = client.get(_urls(theos_client)[0])
    assert page.status_code == 302 and page.url.startswith(reverse("login"))


def test_a_goal_of_another_client_is_a_404(login, theo, theos_client, make_client):
    other = make_client(theo, code="C-OTHER", goals=("Walk daily",))
    page = login(theo).get(reverse("goal-edit", args=[theos_client.code, other.goals.get().pk]))
    assert page.status_code == 404


def test_the_therapist_adds_a_goal_in_the_clients_words(login, theo, theos_client):
    page = login(theo).post(
        reverse("goal-new", args=[theos_client.code]),
        {
            "text": "Get back to work",
            "framing": "Graded return",
            "priority": "2",
            "therapist_agreement": "9",
        },
    )
    assert page.status_code == 302
    goal = theos_client.goals.get(text="Get back to work")
    assert (goal.framing, goal.priority, goal.therapist_agreement) == ("Graded return", 2, 9)
    assert AuditEvent.objects.filter(action="goal-added", target=f"goal:{goal.pk}").exists()


@pytest.mark.parametrize(
    "data, field, problem",
    [
        ({"text": " ", "priority": "1"}, "text", "This field is required."),
        ({"text": "x" * 301, "priority": "1"}, "text", "at most 300 characters"),
        ({"text": "Rest", "priority": "0"}, "priority", "greater than or equal to 1"),
        ({"text": "Rest", "priority": "first"}, "priority", "Enter a whole number."),
        (
            {"text": "Rest", "priority": "1", "therapist_agreement": "11"},
            "therapist_agreement",
            "less than or equal to 10",
        ),
    ],
)
def test_bad_input_is_shown_next_to_its_field(login, theo, theos_client, data, field, problem):
    page = login(theo).post(reverse("goal-new", args=[theos_client.code]), data)
    assert page.status_code == 400
    assert problem in " ".join(page.context["form"].errors[field])
    assert f'id="id_{field}_error"' in page.content.decode()
    assert theos_client.goals.count() == 1


def test_a_status_change_is_kept_in_the_goals_history_on_the_page(login, theo, theos_client):
    goal = theos_client.goals.get()
    page = login(theo)
    page.post(
        reverse("goal-edit", args=[theos_client.code, goal.pk]),
        {
            "text": "Sleep better",
            "priority": "1",
            "status": "achieved",
            "note": "Sleeping six hours most nights",
        },
    )
    change = GoalStatusChange.objects.get()
    assert (change.old, change.new, change.by) == ("active", "achieved", theo)
    html = page.get(reverse("client", args=[theos_client.code])).content.decode()
    assert "Active to Achieved by theo (Sleeping six hours most nights)" in html
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"goal-edited", "goal-status-changed"} <= actions


def test_an_edit_without_a_status_change_adds_no_history(login, theo, theos_client):
    goal = theos_client.goals.get()
    login(theo).post(
        reverse("goal-edit", args=[theos_client.code, goal.pk]),
        {"text": "Sleep through the night", "priority": "1", "status": "active"},
    )
    goal.refresh_from_db()
    assert goal.text == "Sleep through the night" and not GoalStatusChange.objects.exists()


def test_an_unknown_status_is_refused(login, theo, theos_client):
    goal = theos_client.goals.get()
    page = login(theo).post(
        reverse("goal-edit", args=[theos_client.code, goal.pk]),
        {"text": "Sleep better", "priority": "1", "status": "forgotten"},
    )
    assert "Select a valid choice" in " ".join(page.context["form"].errors["status"])


def test_a_goal_no_longer_active_is_not_asked_at_check_in(
    login, theo, theos_client, checkin_token, client
):
    goal = theos_client.goals.get()
    goal.status = "set-aside"
    goal.save()
    html = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    assert "Sleep better" not in html


def test_the_supervisor_sees_goals_and_tasks_without_edit_links(login, sam, theos_client):
    html = login(sam).get(reverse("client", args=[theos_client.code])).content.decode()
    assert "Sleep better" in html
    assert "Edit goal" not in html and "Add a goal" not in html and "Add a task" not in html
