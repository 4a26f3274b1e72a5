"""Saving goals and tasks: each change is audited, and a goal's status changes are kept."""

from __future__ import annotations

from django.db import transaction

from alliance.web.clinic.audit import record
from alliance.web.clinic.models import Client, Goal, GoalStatusChange, Task

from .forms import GoalForm, TaskForm


@transaction.atomic
def save_goal(form: GoalForm, client: Client, *, by) -> Goal:
    """Create or update a goal from a valid form; a new status goes into the goal's history."""
    is_new = form.instance.pk is None
    old_status = form.initial.get("status")
    goal = form.save(commit=False)
    goal.client = client
    goal.save()
    record(by, client, "goal-added" if is_new else "goal-edited", goal)
    if not is_new and goal.status != old_status:
        GoalStatusChange.objects.create(
            goal=goal,
            old=old_status,
            new=goal.status,
            by=by,
            note=form.cleaned_data.get("note", ""),
        )
        record(by, client, "goal-status-changed", goal)
    return goal


@transaction.atomic
def save_task(form: TaskForm, client: Client, *, by) -> Task:
    """Create or update a task from a valid form."""
    is_new = form.instance.pk is None
    task = form.save(commit=False)
    task.client = client
    task.save()
    record(by, client, "task-added" if is_new else "task-edited", task)
    return task
