"""The client progress report's content: their goals, their alliance and how they feel, in plain
words, about this one client only."""

from __future__ import annotations

from alliance.web.clinic.models import Client, ClinicSettings, Response
from alliance.web.clinic.tables import scores_table
from alliance.web.goals.summary import goal_rows
from alliance.web.outcome.page import outcome_context

from .charts import plain_alliance_chart, plain_outcome_chart, styled

PLAIN_CHANGE = {
    "recovered": "Your scores have improved by more than everyday ups and downs, and are now in "
    "the range most people without these difficulties score in.",
    "improved": "Your scores have improved by more than everyday ups and downs.",
    "unchanged": "Your scores have not yet changed by more than everyday ups and downs.",
    "deteriorated": "Your scores are higher than when we started, by more than everyday ups and "
    "downs. This is worth talking about together.",
}
PLAIN_MEASURES = {"PHQ-9": "Mood questionnaire", "GAD-7": "Worry questionnaire"}


def progress_context(client: Client) -> dict:
    """Everything the client progress report shows."""
    responses = list(Response.objects.filter(client=client).select_related("session", "client"))
    scores = scores_table(responses)
    outcome = outcome_context(client, responses)
    settings = ClinicSettings.for_clinic(client.clinic_id)
    goals = [
        {**row, "sparkline": styled(row["sparkline"]) if row["sparkline"] else ""}
        for row in goal_rows(client, responses, settings)
        if row["goal"].status in ("active", "achieved")
    ]
    return {
        "client": client,
        "goals": goals,
        "alliance": plain_alliance_chart(scores),
        "outcome_chart": plain_outcome_chart(
            scores, outcome["expected"], outcome["instruments"].outcome
        ),
        "changes": _plain_changes(outcome["outcome_status"]),
        "sessions": client.sessions.filter(attendance="attended").count(),
    }


def _plain_changes(status) -> list[dict]:
    if status is None:
        return []
    return [
        {
            "measure": PLAIN_MEASURES.get(c.measure, c.measure),
            "start": c.intake,
            "now": c.latest,
            "words": PLAIN_CHANGE[c.category],
        }
        for c in status.changes
    ]
