"""Rows for the client page's goals and tasks: progress over time, agreement, history, notes."""

from __future__ import annotations

from django.db.models import Prefetch

from alliance.web.clinic.models import Client, ClinicSettings, GoalAgreement, Response, TaskCheck

from .notes import agreement_notes, stall_note
from .sparkline import sparkline

PROGRESS = "goal-progress"


def _progress(responses: list[Response]) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {}
    for r in sorted(
        (r for r in responses if r.instrument == PROGRESS), key=lambda r: r.session.number
    ):
        for goal_id, value in r.answers.items():
            found.setdefault(goal_id, []).append((r.session.number, int(value)))
    return found


def goal_rows(client: Client, responses: list[Response], settings: ClinicSettings) -> list[dict]:
    """Each goal with its progress line, both sides' agreement, status history and notes."""
    progress = _progress(responses)
    agreements = Prefetch(
        "agreements", GoalAgreement.objects.select_related("session").order_by("session__number")
    )
    goals = client.goals.prefetch_related(agreements, "status_changes__by")
    return [_goal_row(goal, progress.get(str(goal.pk), []), settings) for goal in goals]


def _goal_row(goal, ratings: list[tuple[int, int]], settings: ClinicSettings) -> dict:
    agreed = list(goal.agreements.all())
    latest = agreed[-1].agreement if agreed else None
    notes = agreement_notes(latest, goal.therapist_agreement, settings.goal_agreement_line)
    if goal.status == "active":
        notes += stall_note([value for _, value in ratings], settings.stall_ratings)
    return {
        "goal": goal,
        "ratings": ratings,
        "latest": ratings[-1] if ratings else None,
        "sparkline": sparkline(ratings, label=f'Progress on "{goal.text}"'),
        "agreement": latest,
        "history": list(goal.status_changes.all()),
        "notes": notes,
    }


def task_rows(client: Client, settings: ClinicSettings) -> list[dict]:
    """Each task with the client's latest ratings and every concern they wrote."""
    checks = Prefetch(
        "checks", TaskCheck.objects.select_related("session").order_by("session__number")
    )
    rows = []
    for task in client.tasks.select_related("goal").prefetch_related(checks):
        every = list(task.checks.all())
        latest = every[-1] if every else None
        low = latest is not None and latest.agreement < settings.task_agreement_line
        rows.append(
            {
                "task": task,
                "latest": latest,
                "low": low,
                "concerns": [c for c in every if c.concern],
            }
        )
    return rows
