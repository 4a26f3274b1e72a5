"""Look for new events after every commit that may have made one.

Events are audit rows; some are written one by one (a signal says so), others in bulk with the
answers they describe, which always end by marking a follow-up or storing a submission."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save

from .events import AUDIT_ACTIONS


def connect() -> None:
    from alliance.web.clinic.models import AuditEvent, CheckinSubmission
    from alliance.web.followup.models import PendingFollowUp

    post_save.connect(_audited, sender=AuditEvent, dispatch_uid="webhooks-audit")
    post_save.connect(_stored, sender=CheckinSubmission, dispatch_uid="webhooks-submission")
    post_save.connect(_marked, sender=PendingFollowUp, dispatch_uid="webhooks-follow-up")


def _audited(sender, instance, created, **kwargs) -> None:
    if created and instance.action in AUDIT_ACTIONS:
        dispatch_after_commit()


def _stored(sender, instance, **kwargs) -> None:
    if instance.stored_at is not None:
        dispatch_after_commit()


def _marked(sender, instance, created, **kwargs) -> None:
    if created:
        dispatch_after_commit()


def dispatch_after_commit() -> None:
    transaction.on_commit(_dispatch_if_subscribed)


def _dispatch_if_subscribed() -> None:
    from .models import Endpoint
    from .tasks import dispatch_events_task

    if Endpoint.objects.filter(active=True).exists():
        dispatch_events_task.enqueue()
