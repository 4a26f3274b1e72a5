"""The demo's tasks, task checks and rupture records, and the live follow-up run over them.

Seeding marks every answered session for follow-up and then runs the same follow-up a live
check-in gets, so the detector, the task-disagreement and the expected-course steps fill the
demo clinic exactly as they would fill a real one."""

from __future__ import annotations

from django.utils import timezone

from alliance.web.clinic.audit import record
from alliance.web.clinic.models import (
    Respondent,
    Rupture,
    RuptureKind,
    RuptureStatus,
    Task,
    TaskCheck,
    TaskKind,
)
from alliance.web.followup.models import mark_follow_up
from alliance.web.followup.run import follow_up_client

TASKS = [
    ("Keep a short sleep diary", TaskKind.BETWEEN),
    ("Practise slow breathing before work", TaskKind.BETWEEN),
    ("Talk through what happened this week", TaskKind.METHOD),
    ("Try one small outing and note how it went", TaskKind.BETWEEN),
]
CONCERNS = [
    "I am not sure this is helping me.",
    "It feels like a lot to do on top of work.",
    "I do not see how this links to my goal.",
]
REVIEWED_SHARE = 0.4
STRATEGIES = {
    RuptureStatus.REPAIRED: ["clarify", "invite-talk-about-us"],
    RuptureStatus.UNREPAIRED: ["explain-rationale"],
}


def seed_tasks(client, goals, rng) -> list[Task]:
    chosen = rng.choice(len(TASKS), size=int(rng.integers(1, 3)), replace=False)
    return [
        Task.objects.create(
            client=client, goal=goals[n % len(goals)], description=TASKS[i][0], kind=TASKS[i][1]
        )
        for n, i in enumerate(chosen)
    ]


def seed_task_checks(session, tasks, strained: bool, rng) -> None:
    """The client's view of each task; a strained session brings low agreement and a concern."""
    for task in tasks:
        agreement = int(rng.integers(2, 5) if strained else rng.integers(7, 11))
        TaskCheck.objects.create(
            session=session,
            task=task,
            understanding=int(rng.integers(6, 11)),
            agreement=agreement,
            concern=str(rng.choice(CONCERNS)) if strained else "",
        )


def mark_answered(session, *, by_client: bool) -> None:
    mark_follow_up(session, source=Respondent.CLIENT if by_client else Respondent.THERAPIST)


def follow_up_seeded(client) -> None:
    """Run the live follow-up over everything the client answered; a failure is an error here."""
    if not follow_up_client(client.pk):
        raise RuntimeError(f"the follow-up of demo client {client.code} failed")


def record_some_reviews(client, therapist, rng) -> None:
    """The therapist recorded what happened for some of the finished ruptures."""
    for rupture in client.ruptures.exclude(status=RuptureStatus.OPEN):
        if rng.random() < REVIEWED_SHARE:
            _record_review(rupture, therapist, rng)


def _record_review(rupture: Rupture, therapist, rng) -> None:
    repaired = rupture.status == RuptureStatus.REPAIRED
    rupture.kind = str(rng.choice([RuptureKind.WITHDRAWAL, RuptureKind.CONFRONTATION]))
    rupture.noticed = "Shorter answers and less eye contact after we changed the plan."
    rupture.strategies = STRATEGIES[rupture.status]
    rupture.how_it_went = (
        "We talked it through and agreed a smaller step." if repaired else "Still tense."
    )
    rupture.recorded_by, rupture.recorded_at = therapist, timezone.now()
    rupture.save()
    record(therapist, rupture.client, "rupture-repair-recorded", rupture)
