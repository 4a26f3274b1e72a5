"""Run pending follow-ups: each client in its own transaction with its row locked first, so two
follow-ups of one client never run at once, and a failure never touches the stored answers."""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.db.models import F, QuerySet

from alliance.web.checkin.submissions import store_waiting_submissions, unstored
from alliance.web.clinic.models import CheckinSubmission, Client, ClinicSettings, Respondent

from .context import FollowUp
from .models import PendingFollowUp
from .steps import FOLLOW_UP_STEPS

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3  # failures after which only the drain command tries a client's follow-up again


def follow_up_client(client_id: int) -> bool:
    """Store the client's kept check-ins, then run every step over their pending follow-ups;
    False (logged, kept) if either failed. The storing commits on its own, so a failing step
    never holds back the answers."""
    try:
        with transaction.atomic():
            _store_locked(client_id)
        with transaction.atomic():
            _run_locked(client_id)
    except Exception as error:  # whatever a step raises, the answers are already stored
        log.exception("follow-up failed for client %s; it stays pending", client_id)
        _count_failure(client_id, error)
        return False
    return True


def _store_locked(client_id: int) -> None:
    if Client.objects.select_for_update().filter(pk=client_id).only("pk").first():
        store_waiting_submissions(client_id)


def _run_locked(client_id: int) -> None:
    client = Client.objects.select_for_update().filter(pk=client_id).first()
    pending = list(PendingFollowUp.objects.filter(client_id=client_id).select_related("session"))
    if client is None or not pending:
        return
    follow_up = _follow_up(client, pending)
    for step in FOLLOW_UP_STEPS:
        step(follow_up)
    PendingFollowUp.objects.filter(pk__in=[marker.pk for marker in pending]).delete()


def _follow_up(client: Client, pending: list[PendingFollowUp]) -> FollowUp:
    sessions = sorted({m.session_id: m.session for m in pending}.values(), key=lambda s: s.number)
    checkins = {m.session_id for m in pending if m.source == Respondent.CLIENT}
    return FollowUp(
        client=client,
        sessions=sessions,
        checkin_sessions=[s for s in sessions if s.pk in checkins],
        settings=ClinicSettings.for_clinic(client.clinic_id),
    )


def _count_failure(client_id: int, error: Exception) -> None:
    try:
        PendingFollowUp.objects.filter(client_id=client_id).update(
            failed_attempts=F("failed_attempts") + 1,
            last_error=f"{type(error).__name__}: {error}"[:200],
        )
        unstored(CheckinSubmission.objects.filter(client_id=client_id)).update(
            failed_attempts=F("failed_attempts") + 1
        )
    except DatabaseError:
        log.exception("could not count the failed follow-up of client %s", client_id)


def waiting_clients(
    clients: QuerySet[Client] | None = None, *, failed_too: bool = False
) -> list[int]:
    """Ids of the clients (of `clients`, else all) with a follow-up or a check-in to store, in
    one query; those that failed MAX_ATTEMPTS times only with `failed_too`."""
    markers, submissions = PendingFollowUp.objects.all(), unstored(CheckinSubmission.objects)
    if clients is not None:
        markers = markers.filter(client__in=clients.values("pk"))
        submissions = submissions.filter(client__in=clients.values("pk"))
    if not failed_too:
        markers = markers.filter(failed_attempts__lt=MAX_ATTEMPTS)
        submissions = submissions.filter(failed_attempts__lt=MAX_ATTEMPTS)
    found = markers.values_list("client_id", flat=True).union(
        submissions.values_list("client_id", flat=True)
    )
    return sorted(found)


def catch_up(clients: QuerySet[Client]) -> None:
    """Run the pending follow-ups of these clients now (one query when there are none)."""
    for client_id in waiting_clients(clients):
        follow_up_client(client_id)


def drain() -> tuple[int, int]:
    """Run every pending follow-up, failed ones too: (clients followed up, clients that failed)."""
    client_ids = waiting_clients(failed_too=True)
    failed = sum(not follow_up_client(client_id) for client_id in client_ids)
    return len(client_ids) - failed, failed


def catch_up_client(client: Client) -> None:
    """Run this client's pending follow-ups now (one query when there are none)."""
    if waiting_clients(Client.objects.filter(pk=client.pk)):
        follow_up_client(client.pk)
