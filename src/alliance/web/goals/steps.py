"""The goals app's follow-up step (registered in GoalsConfig.ready), run once the answers
are committed and after the rupture detector: a task-disagreement alert unless a rupture explains
it."""

from __future__ import annotations

from collections import defaultdict

from alliance.web.clinic.models import RuptureStatus, TaskCheck
from alliance.web.followup.context import FollowUp

from .disagreement import disagreement_alert


def disagreement_step(follow_up: FollowUp) -> None:
    """One task-disagreement alert per check-in, unless a rupture was open at that session."""
    if not follow_up.checkin_sessions:
        return
    checks = defaultdict(list)
    for check in (
        TaskCheck.objects.filter(session__in=follow_up.checkin_sessions)
        .select_related("task")
        .order_by("task_id")
    ):
        checks[check.session_id].append(check)
    onsets = list(
        follow_up.client.ruptures.filter(status=RuptureStatus.OPEN).values_list(
            "onset_session", flat=True
        )
    )
    line = follow_up.settings.task_agreement_line
    for session in follow_up.checkin_sessions:
        if checks[session.pk] and not any(onset <= session.number for onset in onsets):
            disagreement_alert(session, checks[session.pk], line)
