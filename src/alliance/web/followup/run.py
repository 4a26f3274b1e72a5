"""Run pending follow-ups: each client in its own transactions with its row locked first, so two
follow-ups of one client never run at once, and a failure never touches the stored answers.

The analysis is computed before its transaction (the PREPARE steps read only) and written in a
short one, so a follow-up holds SQLite's single write lock for its writes, not for the science.

The lock is FOR NO KEY UPDATE on PostgreSQL: it excludes another follow-up of the client but not
the check-in submits that insert rows pointing at the client (they take FOR KEY SHARE)."""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.db.models import F, QuerySet

from alliance.web.clinic.models import CheckinSubmission, Client, ClinicSettings, Respondent

from .context import FollowUp
from .models import PendingFollowUp
from .steps import ANALYSE, PREPARE, STORE, steps

log = logging.getLogger(__name__)


def follow_up_client(client_id: int) -> bool:
    """Store what the client has waiting, then prepare and run every analysis step over their
    pending follow-ups; False (logged, kept) if any failed. The storing commits on its own, so a
    failing step never holds back the answers."""
    try:
        with transaction.atomic():
            _store_locked(client_id)
        prepared = _prepared(client_id)
        with transaction.atomic():
            _analyse_locked(client_id, prepared)
    except Exception as error:  # whatever a step raises, the answers are already stored
        log.exception("follow-up failed for client %s; it stays pending", client_id)
        _count_failure(client_id, error)
        return False
    return True


def _store_locked(client_id: int) -> None:
    if Client.objects.select_for_update(no_key=True).filter(pk=client_id).only("pk").first():
        for step in steps(STORE):
            step(client_id)


def _pending(client_id: int) -> list[PendingFollowUp]:
    return list(PendingFollowUp.objects.filter(client_id=client_id).select_related("session"))


def _prepared(client_id: int) -> FollowUp | None:
    """The follow-up with what the PREPARE steps computed, read outside any transaction."""
    client = Client.objects.filter(pk=client_id).first()
    pending = _pending(client_id)
    if client is None or not pending:
        return None
    follow_up = _follow_up(client, pending)
    for step in steps(PREPARE):
        step(follow_up)
    return follow_up


def _analyse_locked(client_id: int, prepared: FollowUp | None) -> None:
    client = Client.objects.select_for_update(no_key=True).filter(pk=client_id).first()
    pending = _pending(client_id)
    if client is None or not pending:
        return
    follow_up = _follow_up(client, pending)
    if prepared is not None and _markers(prepared) == _markers(follow_up):
        # nothing arrived since it was prepared (new answers always leave a new marker)
        follow_up.prepared = prepared.prepared
    for step in steps(ANALYSE):
        step(follow_up)
    PendingFollowUp.objects.filter(pk__in=[marker.pk for marker in pending]).delete()


def _markers(follow_up: FollowUp) -> set[int]:
    return set(follow_up.marker_ids)


def _follow_up(client: Client, pending: list[PendingFollowUp]) -> FollowUp:
    sessions = sorted({m.session_id: m.session for m in pending}.values(), key=lambda s: s.number)
    checkins = {m.session_id for m in pending if m.source == Respondent.CLIENT}
    return FollowUp(
        client=client,
        sessions=sessions,
        checkin_sessions=[s for s in sessions if s.pk in checkins],
        settings=ClinicSettings.for_clinic(client.clinic_id),
        marker_ids=[marker.pk for marker in pending],
    )


def _unstored_submissions() -> QuerySet[CheckinSubmission]:
    return CheckinSubmission.objects.filter(stored_at__isnull=True)


def _count_failure(client_id: int, error: Exception) -> None:
    try:
        PendingFollowUp.objects.filter(client_id=client_id).update(
            failed_attempts=F("failed_attempts") + 1,
            last_error=f"{type(error).__name__}: {error}"[:200],
        )
        _unstored_submissions().filter(client_id=client_id).update(
            failed_attempts=F("failed_attempts") + 1
        )
    except DatabaseError:
        log.exception("could not count the failed follow-up of client %s", client_id)


def waiting_clients() -> list[int]:
    """Ids of the clients with a follow-up or a kept check-in still to run, in one query."""
    markers = PendingFollowUp.objects.values_list("client_id", flat=True)
    found = markers.union(_unstored_submissions().values_list("client_id", flat=True))
    return sorted(found)


def requeue_waiting() -> int:
    """Queue a follow-up for every client with work waiting (a worker's start, after a crash:
    a task that was running when its worker died is not run again by the queue); the number
    queued. A client already queued is followed up once and then finds nothing to do."""
    from .tasks import follow_up

    client_ids = waiting_clients()
    for client_id in client_ids:
        follow_up.enqueue(client_id)
    return len(client_ids)
