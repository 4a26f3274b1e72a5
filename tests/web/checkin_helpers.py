"""Submit a client's check-in through the real view, with goal and task ratings, for web tests."""

from __future__ import annotations

from django.test import Client as HttpClient
from django.urls import reverse

from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import Client, GoalStatus, TaskStatus


def checkin_data(
    client: Client,
    *,
    rating: int = 8,
    felt_off: int = 0,
    comment: str = "",
    agreement: int = 8,
    understanding: int = 8,
    concern: str = "",
    **extra: str,
) -> dict[str, str]:
    """A complete, valid POST: every alliance item at `rating`, each active task rated alike."""
    data = {f"alliance-checkin__{n}": str(rating) for n in range(1, 7)}
    data |= {"alliance-checkin__8": str(felt_off), "alliance-checkin__7": comment}
    data |= {f"phq-9__{n}": "1" for n in range(1, 9)} | {"phq-9__9": "0"}
    for goal in client.goals.filter(status=GoalStatus.ACTIVE):
        data[f"goal-progress__{goal.pk}"] = "5"
    for task in client.tasks.filter(status=TaskStatus.ACTIVE):
        data |= {
            f"task-understanding__{task.pk}": str(understanding),
            f"task-agreement__{task.pk}": str(agreement),
            f"task-concern__{task.pk}": concern,
        }
    return data | extra


def submit_checkin(client: Client, number: int, **answers) -> object:
    """Create session `number`'s link as the therapist and answer it as the client would, on to
    the thank-you page the submit redirects to."""
    _, token = create_link(client.sessions.get(number=number), by=client.therapist)
    url = reverse("checkin", args=[token])
    return HttpClient().post(url, checkin_data(client, **answers), follow=True)
