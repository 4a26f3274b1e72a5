"""Adding and editing tasks with their reason: the client's own therapist only, errors by field."""

import pytest
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, Task


def _urls(client) -> list[str]:
    task = client.tasks.first()
    return [
        reverse("task-new", args=[client.code]),
        reverse("task-edit", args=[client.code, task.pk]),
    ]


GOOD = {
    "description": "Walk after lunch",
    "rationale": "movement lifts the mood",
    "kind": "between-session",
}


@pytest.mark.parametrize(
    "persona, status", [("theo", 200), ("sam", 404), ("cora", 404), ("ada", 404)]
)
def test_task_pages_are_for_the_clients_own_therapist(request, login, task_client, persona, status):
    page = login(request.getfixturevalue(persona))
    assert [page.get(url).status_code for url in _urls(task_client)] == [status, status]


@pytest.mark.parametrize("persona", ["sam", "cora", "ada"])
def test_nobody_else_can_change_a_task(request, login, task_client, persona):
    page = login(request.getfixturevalue(persona))
    for url in _urls(task_client):
        assert page.post(url, GOOD).status_code == 404
    assert not Task.objects.filter(description="Walk after lunch").exists()


def test_anonymous_posts_are_sent_to_the_login(client, task_client):
    page = client.post(_urls(task_client)[0], GOOD)
    assert page.status_code == 302 and page.url.startswith(reverse("login"))


def test_the_therapist_adds_a_task_with_its_reason(login, theo, task_client):
    goal = task_client.goals.get()
    page = login(theo).post(
        reverse("task-new", args=[task_client.code]), GOOD | {"goal": str(goal.pk)}
    )
    assert page.status_code == 302
    task = task_client.tasks.get(description="Walk after lunch")
    assert (task.rationale, task.kind, task.goal, task.status) == (
        "movement lifts the mood",
        "between-session",
        goal,
        "active",
    )
    assert AuditEvent.objects.filter(action="task-added", target=f"task:{task.pk}").exists()


@pytest.mark.parametrize(
    "data, field, problem",
    [
        (GOOD | {"description": ""}, "description", "This field is required."),
        (GOOD | {"rationale": ""}, "rationale", "Say why this task may help"),
        (GOOD | {"kind": "homework"}, "kind", "Select a valid choice"),
        (GOOD | {"rationale": "x" * 501}, "rationale", "at most 500 characters"),
    ],
)
def test_bad_input_is_shown_next_to_its_field(login, theo, task_client, data, field, problem):
    page = login(theo).post(reverse("task-new", args=[task_client.code]), data)
    assert page.status_code == 400
    assert problem in " ".join(page.context["form"].errors[field])
    assert f'id="id_{field}_error"' in page.content.decode()
    assert task_client.tasks.count() == 2


def test_a_goal_of_another_client_cannot_be_chosen(login, theo, task_client, make_client):
    other = make_client(theo, code="C-OTHER", goals=("Walk daily",))
    page = login(theo).post(
        reverse("task-new", args=[task_client.code]), GOOD | {"goal": str(other.goals.get().pk)}
    )
    assert page.status_code == 400
    assert "Select a valid choice" in " ".join(page.context["form"].errors["goal"])


def test_setting_a_task_aside_is_audited_and_it_is_no_longer_asked(
    login, theo, task_client, checkin_token, client
):
    task = task_client.tasks.get(description="Keep a sleep diary")
    page = login(theo).post(
        reverse("task-edit", args=[task_client.code, task.pk]),
        {
            "description": task.description,
            "rationale": task.rationale,
            "kind": task.kind,
            "status": "set-aside",
        },
    )
    assert page.status_code == 302
    assert Task.objects.get(pk=task.pk).status == "set-aside"
    assert AuditEvent.objects.filter(action="task-edited", target=f"task:{task.pk}").exists()
    html = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    assert "Keep a sleep diary" not in html and "Try a breathing exercise" in html
