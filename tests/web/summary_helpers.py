"""Store answers the way a check-in does: with their follow-up marked and then run, so the
client's summary (what the caseload and team pages read) is kept as in the running app."""

from __future__ import annotations

from django.db import transaction

from alliance.web.clinic.answers import store_answers
from alliance.web.followup.run import follow_up_client
from alliance.web.followup.schedule import mark_follow_up


def store_and_follow_up(session, answers, *, respondent: str = "client") -> None:
    with transaction.atomic():
        store_answers(session, answers, respondent=respondent)
        mark_follow_up(session, source=respondent)
    assert follow_up_client(session.client_id)
