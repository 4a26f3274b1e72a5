"""The durable marker of follow-up work still to do for a client."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from alliance.web.clinic.models import Respondent


class PendingFollowUp(models.Model):
    """Answers for this session were stored and their follow-up has not run yet.

    Written in the same transaction as the answers and deleted in the transaction that runs the
    follow-up, so a crash in between leaves the marker and the work is done later.
    """

    client = models.ForeignKey(
        "clinic.Client", on_delete=models.CASCADE, related_name="pending_follow_ups"
    )
    session = models.ForeignKey("clinic.Session", on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=20, choices=Respondent.choices)
    created_at = models.DateTimeField(default=timezone.now)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        indexes = [models.Index(fields=["client", "failed_attempts"])]


def mark_follow_up(session, *, source: str) -> None:
    """Record that this session's answers need their follow-up; call inside the transaction."""
    PendingFollowUp.objects.create(client_id=session.client_id, session=session, source=source)
