"""The client's own words around a rupture: comments and task concerns from its sessions."""

from __future__ import annotations

from django.utils.translation import gettext as _

from alliance.web.clinic.alert_words import quoted
from alliance.web.clinic.models import Response, Rupture, TaskCheck
from alliance.web.clinic.tables import CLIENT_FORM

COMMENT_ITEM = "7"


def _sessions(rupture: Rupture) -> tuple[int, int]:
    return rupture.onset_session, max(rupture.lowest_session, rupture.last_session)


def client_words(rupture: Rupture) -> list[str]:
    """Quoted comments and task concerns from the episode's sessions, oldest first."""
    return said_words(client_said(rupture))


def client_said(rupture: Rupture) -> dict[str, list]:
    """What the client wrote in the episode's sessions, as an alert keeps it: their comments,
    and [task, concern] pairs."""
    span = _sessions(rupture)
    comments = (
        Response.objects.filter(
            client=rupture.client,
            instrument=CLIENT_FORM,
            respondent="client",
            session__number__range=span,
        )
        .order_by("session__number")
        .values_list("answers", flat=True)
    )
    return {
        "comments": [answers[COMMENT_ITEM] for answers in comments if answers.get(COMMENT_ITEM)],
        "concerns": [[check.task.description, check.concern] for check in concerns(rupture)],
    }


def said_words(said: dict[str, list]) -> list[str]:
    """What the client wrote, quoted, in the active language."""
    found = [quoted(comment) for comment in said["comments"]]
    found += [
        _('about the task "%(task)s": "%(concern)s"') % {"task": task, "concern": concern}
        for task, concern in said["concerns"]
    ]
    return found


def concerns(rupture: Rupture) -> list[TaskCheck]:
    """Task checks with a written concern in the episode's sessions."""
    return list(
        TaskCheck.objects.filter(
            session__client=rupture.client, session__number__range=_sessions(rupture)
        )
        .exclude(concern="")
        .select_related("task", "session")
        .order_by("session__number", "task_id")
    )
