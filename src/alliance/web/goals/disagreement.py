"""One explained alert when the client agrees little with a task, in the client's own words."""

from __future__ import annotations

from alliance.web.clinic.audit import record
from alliance.web.clinic.models import Alert, Session, Severity, TaskCheck

KIND = "task-disagreement"


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
    alert = Alert.objects.create(
        client=session.client,
        kind=KIND,
        severity=Severity.WARNING,
        message=f"At session {session.number} the client agreed little with {tasks}."[:300],
        explanation=" ".join(_describe(check) for check in low)
        + f" The line is {line} of 10 (clinic setting). Ask what would make the task fit "
        "better, explain again why it may help, or change it together.",
    )
    record(None, session.client, "alert-raised", alert)
    return alert
