"""Theo's client with one task done in sessions and one done between them."""

import pytest

from alliance.web.clinic.models import Client, Task, TaskKind


@pytest.fixture
def task_client(theos_client) -> Client:
    goal = theos_client.goals.get()
    Task.objects.create(
        client=theos_client,
        goal=goal,
        description="Try a breathing exercise",
        rationale="it calms the body before sleep",
    )
    Task.objects.create(
        client=theos_client,
        goal=goal,
        kind=TaskKind.BETWEEN,
        description="Keep a sleep diary",
        rationale="to see the pattern",
    )
    return theos_client
