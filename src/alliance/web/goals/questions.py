"""The check-in's questions about the client's goals and tasks (project wording), as form fields,
in the active language (the check-in's view makes that the client's)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from django import forms
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from alliance.web.clinic.formfields import fresh_copy
from alliance.web.clinic.models import Goal, Task, TaskDone, TaskKind

# marked here, translated when a field is built
SCALE_HINT = gettext_noop("0 means not at all, 10 means completely")
GOAL_AGREEMENT = gettext_noop("Is this still what you want us to work on?")
UNDERSTANDING = gettext_noop("How clear is it to you why we do this?")
AGREEMENT = gettext_noop("How much do you agree with doing it?")
CONCERN = gettext_noop("Any doubt or worry about it? Your therapist will read this.")
DONE = gettext_noop("Did you get to do it since last time?")
HELPED = gettext_noop("If you did: how much did it help?")
PROPOSAL = gettext_noop("Is there a goal you would like us to work on? Write it in your own words.")
MOST_NOW = gettext_noop("Which of your goals matters most to you now?")
PROPOSAL_LENGTH = 300  # a goal's own length


def scale(label: str, *, required: bool) -> forms.TypedChoiceField:
    """A 0-10 question shown as numbers, like the rest of the check-in."""
    field = forms.TypedChoiceField(
        label=gettext(label),
        required=required,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        choices=[(n, str(n)) for n in range(11)],
        error_messages={
            "required": gettext("Please choose an answer."),
            "invalid_choice": gettext("Please choose one of the answers shown (0 to 10)."),
        },
    )
    field.compact, field.hint = True, gettext(SCALE_HINT)
    return field


def done() -> forms.ChoiceField:
    field = forms.ChoiceField(
        label=gettext(DONE),
        required=False,
        widget=forms.RadioSelect,
        choices=TaskDone.choices,  # their labels are translated where they are rendered
        error_messages={"invalid_choice": gettext("Please choose yes, partly or no.")},
    )
    field.compact, field.hint = False, ""
    return field


def concern() -> forms.CharField:
    return forms.CharField(
        label=gettext(CONCERN),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def proposal() -> forms.CharField:
    field = forms.CharField(
        label=gettext(PROPOSAL),
        required=False,
        max_length=PROPOSAL_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": gettext(
                "Please keep the goal to %(length)s characters; your therapist will talk it "
                "through with you."
            )
            % {"length": PROPOSAL_LENGTH}
        },
    )
    field.compact, field.hint = False, ""
    return field


def most_now(goals: list[Goal]) -> forms.ChoiceField:
    """Built per form: its choices are this client's goals."""
    field = forms.ChoiceField(
        label=gettext(MOST_NOW),
        required=False,
        widget=forms.RadioSelect,
        choices=[(str(goal.pk), goal.text) for goal in goals],
        error_messages={"invalid_choice": gettext("Please choose one of your goals shown.")},
    )
    field.compact, field.hint = False, ""
    return field


FieldBuilder = Callable[[], forms.Field]
BUILDERS: dict[str, FieldBuilder] = {
    "goal-agreement": lambda: scale(GOAL_AGREEMENT, required=False),
    "task-understanding": lambda: scale(UNDERSTANDING, required=True),
    "task-agreement": lambda: scale(AGREEMENT, required=True),
    "task-concern": concern,
    "task-done": done,
    "task-helped": lambda: scale(HELPED, required=False),
    "goal-proposal": proposal,
}
BETWEEN_SESSIONS_ONLY = ("task-done", "task-helped")


@lru_cache(maxsize=4 * len(BUILDERS))
def _prototype(kind: str, language: str) -> forms.Field:
    return BUILDERS[kind]()


def question_field(kind: str) -> forms.Field:
    """A fresh copy of the field of this kind of question, built once per process and
    language."""
    return fresh_copy(_prototype(kind, translation.get_language() or ""))


def asked(goals: list[Goal], tasks: list[Task]) -> list[tuple[str, str]]:
    """(field name, question kind) of every goal and task question, in the order shown; the one
    list the form reads."""
    found = [(f"goal-agreement__{goal.pk}", "goal-agreement") for goal in goals]
    for task in tasks:
        kinds = [
            kind
            for kind in BUILDERS
            if kind.startswith("task-")
            and (task.kind == TaskKind.BETWEEN or kind not in BETWEEN_SESSIONS_ONLY)
        ]
        found += [(f"{kind}__{task.pk}", kind) for kind in kinds]
    return found


def voice_asked(goals: list[Goal]) -> list[str]:
    """The field names of the client's own voice: a goal to propose, and which goal matters
    most now when there is more than one to choose from."""
    return ["goal-proposal", *(["goal-most-now"] if len(goals) > 1 else [])]
