"""One explained alert when the client agrees little with a task, in the client's own words."""

from __future__ import annotations

from django.utils.translation import gettext as _

from alliance.web.clinic.alert_words import Words, quoted
from alliance.web.clinic.models import Alert, AlertKind, Session, TaskCheck


def _figures(check: TaskCheck) -> dict:
    return {
        "task": check.task.description,
        "agreement": check.agreement,
        "understanding": check.understanding,
        "concern": check.concern,
    }


def disagreement_alert(session: Session, checks: list[TaskCheck], line: int) -> Alert | None:
    """Raise one alert for every task agreed below the line at this check-in, or none."""
    low = [check for check in checks if check.agreement < line]
    if not low:
        return None
    figures = {"session": session.number, "line": line, "tasks": [_figures(c) for c in low]}
    return Alert.objects.raise_(session.client, AlertKind.TASK_DISAGREEMENT, figures=figures)


def disagreement_words(figures: dict) -> Words:
    """What the alert says: which tasks, how they were rated, the client's words, what to do."""
    tasks = ", ".join(quoted(task["task"]) for task in figures["tasks"])
    said = _("At session %(session)s the client agreed little with %(tasks)s.") % {
        "session": figures["session"],
        "tasks": tasks,
    }
    advice = _(
        "The line is %(line)s of 10 (clinic setting). Ask what would make the task fit better, "
        "explain again why it may help, or change it together."
    ) % {"line": figures["line"]}
    return Words(said, " ".join([*map(_described, figures["tasks"]), advice]))


def _described(task: dict) -> str:
    rated = _('"%(task)s": agreement %(agreement)s of 10, understanding %(understanding)s of 10.')
    text = rated % task
    if task["concern"]:
        text += " " + _('In their words: "%(concern)s"') % task
    return text
