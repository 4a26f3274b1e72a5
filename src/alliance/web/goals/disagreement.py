"""One explained alert when the client agrees little with a task, in the client's own words."""

from __future__ import annotations

from alliance.web.clinic.models import Alert, AlertKind, Session, TaskCheck


def _describe(check: TaskCheck) -> str:
    said = f' In their words: "{check.concern}"' if check.concern else ""
    return (
        f'"{check.task.description}": agreement {check.agreement} of 10, '
        f"understanding {check.understanding} of 10.{said}"
    )


def disagreement_alert(session: Session, checks: list[TaskCheck], line: int) -> Alert | None:
    """Raise one alert for every task agreed below the line at this check-in, or none."""
    low = [check for check in checks if check.agreement < line]
    if not low:
        return None
    tasks = ", ".join(f'"{check.task.description}"' for check in low)
    return Alert.objects.raise_(
        session.client,
        AlertKind.TASK_DISAGREEMENT,
        f"At session {session.number} the client agreed little with {tasks}.",
        " ".join(_describe(check) for check in low)
        + f" The line is {line} of 10 (clinic setting). Ask what would make the task fit "
        "better, explain again why it may help, or change it together.",
    )
