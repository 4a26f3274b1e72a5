"""The review page's content: what fell, what the client disagreed with, questions to raise."""

from __future__ import annotations

from alliance.web.clinic.models import ClinicSettings, GoalAgreement, Rupture, TaskCheck

from .explain import alert_outcome, raised_by, rule_text, what_dropped
from .strategies import kinds, strategies_for, used_names
from .words import client_words


def disagreements(rupture: Rupture, line: int) -> dict[str, list]:
    """Goals and tasks the client agreed with less than the line during the episode."""
    span = (rupture.onset_session, max(rupture.lowest_session, rupture.last_session))
    in_episode = {
        "session__client": rupture.client,
        "session__number__range": span,
        "agreement__lt": line,
    }
    return {
        "tasks": list(
            TaskCheck.objects.filter(**in_episode)
            .select_related("task", "session")
            .order_by("session__number")
        ),
        "goals": list(
            GoalAgreement.objects.filter(**in_episode)
            .select_related("goal", "session")
            .order_by("session__number")
        ),
    }


def review_context(rupture: Rupture) -> dict:
    settings = ClinicSettings.for_clinic(rupture.client.clinic_id)
    disagreed = disagreements(rupture, settings.task_agreement_line)
    # a task the client disagreed with is the most specific lead, whatever else fell
    focus = ["task"] if disagreed["tasks"] else rupture.dimensions
    return {
        "rupture": rupture,
        "alert_outcome": alert_outcome(rupture),
        "what_dropped": what_dropped(rupture),
        "rules": rule_text(rupture),
        "signs": raised_by(rupture),
        "words": client_words(rupture),
        "strategies": strategies_for(focus),
        "focus": focus,
        "kinds": kinds(),
        "used": used_names(rupture.strategies),
        **disagreed,
    }
