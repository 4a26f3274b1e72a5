"""A client of a therapist's with a between-session task: the sleep diary, with its reason."""

from __future__ import annotations

from alliance.web.clinic.models import Client, Task, TaskKind

DIARY = "Keep a sleep diary"
DIARY_REASON = "to see what helps you sleep and what does not"


def client_with_a_diary(make_client, therapist, *, code: str, sessions: int) -> Client:
    client = make_client(therapist, code=code, sessions=sessions)
    Task.objects.create(
        client=client,
        goal=client.goals.get(),
        kind=TaskKind.BETWEEN,
        description=DIARY,
        rationale=DIARY_REASON,
    )
    return client
