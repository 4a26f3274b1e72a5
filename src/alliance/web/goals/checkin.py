"""At check-in the client also says how much they agree with each goal and each task, and may
write a concern; between-session tasks add whether they were done and whether they helped."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from alliance.web.clinic.audit import event
from alliance.web.clinic.models import (
    AuditEvent,
    Goal,
    GoalAgreement,
    Session,
    Task,
    TaskCheck,
    TaskKind,
)

from . import questions

PREFIXES = ("goal-agreement__", "task-")


@dataclass
class Group:
    heading: str
    fields: list[forms.BoundField]


class RatingsForm(forms.Form):
    """Agreement with each active goal (optional) and ratings of each active task."""

    def __init__(self, *args, goals: list[Goal], tasks: list[Task], **kwargs):
        super().__init__(*args, **kwargs)
        self.goals, self.tasks = goals, tasks
        for goal in goals:
            self.fields[f"goal-agreement__{goal.pk}"] = questions.scale(
                questions.GOAL_AGREEMENT, required=False)
        for task in tasks:
            self._add_task(task)

    def _add_task(self, task: Task) -> None:
        self.fields[f"task-understanding__{task.pk}"] = questions.scale(
            questions.UNDERSTANDING, required=True)
        self.fields[f"task-agreement__{task.pk}"] = questions.scale(
            questions.AGREEMENT, required=True)
        self.fields[f"task-concern__{task.pk}"] = questions.concern()
        if task.kind == TaskKind.BETWEEN:
            self.fields[f"task-done__{task.pk}"] = questions.done()
            self.fields[f"task-helped__{task.pk}"] = questions.scale(
                questions.HELPED, required=False)

    @property
    def groups(self) -> list[Group]:
        """One group of questions per goal and per task, headed by its words."""
        found = [Group(f'Your goal: "{goal.text}"', [self[f"goal-agreement__{goal.pk}"]])
                 for goal in self.goals]
        for task in self.tasks:
            names = [n for n in self.fields if n.startswith("task-") and n.endswith(f"__{task.pk}")]
            why = f" (why: {task.rationale})" if task.rationale else ""
            found.append(Group(f'What we agreed: "{task.description}"{why}',
                               [self[name] for name in names]))
        return found

    def clean(self) -> dict:
        cleaned = super().clean()
        unknown = [key for key in self.data if key.startswith(PREFIXES) and key not in self.fields]
        if unknown:
            raise forms.ValidationError("An answer was sent for a goal or task that is not yours.")
        return cleaned

    def value(self, kind: str, pk: int):
        return self.cleaned_data.get(f"{kind}__{pk}")


def store_ratings(session: Session, form: RatingsForm,
                  audit: list[AuditEvent] | None = None) -> list[TaskCheck]:
    """Store the goal agreements and task checks of a valid form; call inside the transaction.
    With `audit`, the audit row is added to that list for the caller to write."""
    agreements = [GoalAgreement(session=session, goal=goal,
                                agreement=form.value("goal-agreement", goal.pk))
                  for goal in form.goals if form.value("goal-agreement", goal.pk) is not None]
    GoalAgreement.objects.bulk_create(agreements)
    checks = TaskCheck.objects.bulk_create([_check(session, task, form) for task in form.tasks])
    if agreements or checks:
        found = event(None, session.client, "goal-and-task-ratings-stored", session)
        if audit is None:
            found.save()
        else:
            audit.append(found)
    return checks


def _check(session: Session, task: Task, form: RatingsForm) -> TaskCheck:
    return TaskCheck(
        session=session, task=task, understanding=form.value("task-understanding", task.pk),
        agreement=form.value("task-agreement", task.pk),
        concern=form.value("task-concern", task.pk) or "",
        done=form.value("task-done", task.pk) or "", helped=form.value("task-helped", task.pk))
