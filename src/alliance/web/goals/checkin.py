"""At check-in the client also says how much they agree with each goal and each task, and may
write a concern; between-session tasks add whether they were done and whether they helped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.utils.translation import gettext, gettext_noop

from alliance.web.clinic.audit import event
from alliance.web.clinic.models import (
    AuditEvent,
    Goal,
    GoalAgreement,
    Session,
    Task,
    TaskCheck,
)
from alliance.web.security.hygiene import TextHygiene

from . import questions
from .voice import store_voice

PREFIXES = ("goal-agreement__", "task-")
VOICE_HEADING = gettext_noop("A goal of your own (optional)")


@dataclass
class Group:
    heading: str
    fields: list[forms.BoundField]


class RatingsForm(TextHygiene, forms.Form):
    """Agreement with each active goal (optional), ratings of each active task, and the client's
    own voice: a goal they propose and the goal that matters most to them now (both optional)."""

    def __init__(self, *args, goals: list[Goal], tasks: list[Task], **kwargs):
        super().__init__(*args, **kwargs)
        self.goals, self.tasks = goals, tasks
        for name, kind in questions.asked(goals, tasks):
            self.fields[name] = questions.question_field(kind)
        self.voice_names = questions.voice_asked(goals)
        self.fields["goal-proposal"] = questions.question_field("goal-proposal")
        if "goal-most-now" in self.voice_names:
            self.fields["goal-most-now"] = questions.most_now(goals)

    @cached_property
    def groups(self) -> list[Group]:
        """One group of questions per goal and per task, headed by its words."""
        found = [
            Group(
                gettext('Your goal: "%(goal)s"') % {"goal": goal.text},
                [self[f"goal-agreement__{goal.pk}"]],
            )
            for goal in self.goals
        ]
        for task in self.tasks:
            names = [n for n in self.fields if n.startswith("task-") and n.endswith(f"__{task.pk}")]
            found.append(Group(_task_heading(task), [self[name] for name in names]))
        found.append(Group(gettext(VOICE_HEADING), [self[name] for name in self.voice_names]))
        return found

    def clean(self) -> dict:
        cleaned = super().clean()
        unknown = [key for key in self.data if key.startswith(PREFIXES) and key not in self.fields]
        if unknown:
            raise forms.ValidationError(
                gettext("An answer was sent for a goal or task that is not yours.")
            )
        return cleaned


def _task_heading(task: Task) -> str:
    if task.rationale:
        return gettext('What we agreed: "%(task)s" (why: %(why)s)') % {
            "task": task.description,
            "why": task.rationale,
        }
    return gettext('What we agreed: "%(task)s"') % {"task": task.description}


def ratings_of(form: RatingsForm) -> dict[str, object]:
    """The answered goal and task questions of a valid form, keyed by field name (JSON-ready)."""
    return {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}


def store_ratings(
    session: Session, ratings: Mapping[str, object], audit: list[AuditEvent] | None = None
) -> list[TaskCheck]:
    """Store the goal agreements, task checks and the client's own voice (a proposed goal, the
    goal that matters most now) of `ratings_of` a form; call in the check-in's transaction.

    Goals and tasks are looked up among the client's own; one removed since the check-in was
    sent is left out. With `audit`, the audit rows are added to that list for the caller to write.
    """
    goals = _own(Goal, session, ratings, "goal-agreement")
    tasks = _own(Task, session, ratings, "task-understanding")
    agreements = [
        GoalAgreement(session=session, goal=goal, agreement=ratings[f"goal-agreement__{goal.pk}"])
        for goal in goals
    ]
    GoalAgreement.objects.bulk_create(agreements)
    checks = TaskCheck.objects.bulk_create([_check(session, task, ratings) for task in tasks])
    if agreements or checks:
        _audit(event(None, session.client, "goal-and-task-ratings-stored", session), audit)
    for voiced in store_voice(session, ratings):
        _audit(voiced, audit)
    return checks


def _audit(found: AuditEvent, audit: list[AuditEvent] | None) -> None:
    if audit is None:
        found.save()
    else:
        audit.append(found)


def _own(model, session: Session, ratings: Mapping[str, object], kind: str) -> list:
    prefix = f"{kind}__"
    ids = [int(name.removeprefix(prefix)) for name in ratings if name.startswith(prefix)]
    if not ids:
        return []
    return list(model.objects.filter(client_id=session.client_id, pk__in=ids).order_by("pk"))


def _check(session: Session, task: Task, ratings: Mapping[str, object]) -> TaskCheck:
    def value(kind: str):
        return ratings.get(f"{kind}__{task.pk}")

    return TaskCheck(
        session=session,
        task=task,
        understanding=value("task-understanding"),
        agreement=value("task-agreement"),
        concern=value("task-concern") or "",
        done=value("task-done") or "",
        helped=value("task-helped"),
    )
