"""Run pending follow-ups: each client in its own transactions with its row locked first, so two
follow-ups of one client never run at once, and a failure never touches the stored answers.

The analysis is computed before its transaction (the PREPARE steps read only) and written in a
short one, so a follow-up holds SQLite's single write lock for its writes, not for the science.

The lock is FOR NO KEY UPDATE on PostgreSQL: it excludes another follow-up of the client but not
the check-in submits that insert rows pointing at the client (they take FOR KEY SHARE)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import DatabaseError, connection, transaction
from django.db.models import F, QuerySet

from alliance.web.clinic.models import CheckinSubmission, Client, ClinicSettings, Respondent

from .context import FollowUp, remember_instruments, remembering
from .models import PendingFollowUp
from .steps import AFTER, ANALYSE, PREPARE, STORE, steps

log = logging.getLogger(__name__)
BATCH = 25  # clients one follow-up takes, so the worker claims one task for all of them


@dataclass(frozen=True)
class Outcome:
    """What one follow-up achieved: whether its own client's work is done (False: a step failed,
    logged and kept for the retry), and every client whose waiting work is all done."""

    ok: bool
    done: set[int]


def follow_up_client(client_id: int) -> bool:
    """Store what the client has waiting, then prepare and run every analysis step over their
    pending follow-ups, with other clients' waiting work (see `follow_up_waiting`); False
    (logged, kept) if any failed."""
    return follow_up_waiting([client_id, *others_waiting(client_id)]).ok


def follow_up_waiting(client_ids: list[int]) -> Outcome:
    """Follow up these clients (the first is the one asked for), a group at a time (see
    `group_size`): store what each of the group has waiting, then prepare the group's analysis
    together and run it client by client. The storing commits on its own, so a failing step
    never holds back the answers; each client's writes are short transactions of their own,
    and a failure of one touches no other."""
    done: set[int] = set()
    analysed: list[FollowUp] = []
    size = group_size()
    for start in range(0, len(client_ids), size):
        done |= _follow_up_group(client_ids[start : start + size], analysed)
    _after(analysed)
    return Outcome(ok=client_ids[0] in done, done=done)


def _follow_up_group(client_ids: list[int], analysed: list[FollowUp]) -> set[int]:
    """The clients done; the follow-ups whose analysis committed are added to `analysed`."""
    stored = _store_all(client_ids)
    prepared = _prepared(stored)
    # a client with no marker when prepared has nothing to analyse: answers arriving later
    # leave a marker and queue a follow-up of their own
    found = _analyse_all(prepared, analysed)
    return {pk for pk in stored if found.get(pk, True)}


def _after(analysed: list[FollowUp]) -> None:
    """The AFTER steps over every follow-up analysed, each in its own transaction."""
    if not analysed:
        return
    for step in steps(AFTER):
        try:
            with transaction.atomic():
                step(analysed)
        except Exception:  # the clinic's part: the next run does it again
            log.exception("the follow-up's last step failed (%s)", step.__qualname__)


def group_size() -> int:
    """How many clients are prepared together: one on SQLite, where the science before each
    client's writes leaves the one write lock to the check-in submits (back-to-back
    transactions of a group keep them waiting: the benchmark measured submits at 0.20 to 0.24
    of a bare insert with groups of 25, 0.34 to 0.44 one by one); BATCH elsewhere, so the
    PREPARE steps run in bulk."""
    return 1 if connection.vendor == "sqlite" else BATCH


def _store_all(client_ids: list[int]) -> list[int]:
    """The clients whose kept answers are stored (or who had none)."""
    kept = set(
        _unstored_submissions().filter(client_id__in=client_ids).values_list("client_id", flat=True)
    )
    failed = {client_id for client_id in sorted(kept) if not _store(client_id)}
    return [client_id for client_id in client_ids if client_id not in failed]


def _analyse_all(prepared: dict[int, FollowUp], analysed: list[FollowUp]) -> dict[int, bool]:
    return {pk: _analyse(pk, prepared[pk], analysed) for pk in sorted(prepared)}


def _store(client_id: int) -> bool:
    try:
        with transaction.atomic():
            _store_locked(client_id)
    except Exception as error:  # whatever a step raises, the kept answers stay kept
        _failed(client_id, error)
        return False
    return True


def _analyse(client_id: int, prepared: FollowUp | None, analysed: list[FollowUp]) -> bool:
    """Run the ANALYSE steps; the follow-up, once committed, is added to `analysed`."""
    try:
        with transaction.atomic():
            follow_up = _analyse_locked(client_id, prepared)
    except Exception as error:  # whatever a step raises, the answers are already stored
        _failed(client_id, error)
        return False
    if follow_up is not None:
        analysed.append(follow_up)
    return True


def _failed(client_id: int, error: Exception) -> None:
    log.exception("follow-up failed for client %s; it stays pending", client_id)
    _count_failure(client_id, error)


def _store_locked(client_id: int) -> None:
    if Client.objects.select_for_update(no_key=True).filter(pk=client_id).only("pk").first():
        for step in steps(STORE):
            step(client_id)


def batch_size() -> int:
    """How many clients one follow-up takes: the one asked for and up to BATCH - 1 others
    waiting, on either database (see `group_size` for how they are taken)."""
    return BATCH


def others_waiting(client_id: int) -> list[int]:
    """Up to batch_size() - 1 other clients with work waiting that never failed."""
    if batch_size() == 1:
        return []
    markers = PendingFollowUp.objects.filter(failed_attempts=0).values_list("client_id")
    kept = _unstored_submissions().filter(failed_attempts=0).values_list("client_id")
    found = markers.exclude(client_id=client_id).union(kept.exclude(client_id=client_id))
    return [row[0] for row in found.order_by("client_id")[: batch_size() - 1]]


def _pending(client_ids: list[int]) -> list[PendingFollowUp]:
    return list(PendingFollowUp.objects.filter(client_id__in=client_ids).select_related("session"))


def _prepared(client_ids: list[int]) -> dict[int, FollowUp]:
    """The clients' follow-ups with what the PREPARE steps computed, read outside any
    transaction; a step that fails leaves its part to be computed in each client's
    transaction."""
    pending: dict[int, list[PendingFollowUp]] = {}
    for marker in _pending(client_ids):
        pending.setdefault(marker.client_id, []).append(marker)
    clients = list(Client.objects.filter(pk__in=list(pending)))
    settings = {c.clinic_id: ClinicSettings.for_clinic(c.clinic_id) for c in clients}
    follow_ups = [_follow_up(c, pending[c.pk], settings[c.clinic_id]) for c in clients]
    with remembering():  # read only, so what one step reads of the history holds for all
        for found in settings.values():
            remember_instruments(found)
        for step in steps(PREPARE):
            try:
                step(follow_ups)
            except Exception:  # the ANALYSE step computes its part itself then
                log.exception("preparing the follow-up failed (%s)", step.__qualname__)
    return {follow_up.client.pk: follow_up for follow_up in follow_ups}


def _analyse_locked(client_id: int, prepared: FollowUp | None) -> FollowUp | None:
    client = Client.objects.select_for_update(no_key=True).filter(pk=client_id).first()
    pending = _pending([client_id])
    if client is None or not pending:
        return None
    unchanged = prepared is not None and _markers(prepared) == {m.pk for m in pending}
    # nothing arrived since it was prepared (new answers always leave a new marker): what was
    # prepared, and the settings it was prepared with, hold
    follow_up = _follow_up(client, pending, prepared.settings if unchanged else None)
    if unchanged:
        follow_up.prepared = prepared.prepared
    with remembering():
        remember_instruments(follow_up.settings)
        for step in steps(ANALYSE):
            step(follow_up)
    PendingFollowUp.objects.filter(pk__in=[marker.pk for marker in pending]).delete()
    return follow_up


def _markers(follow_up: FollowUp) -> set[int]:
    return set(follow_up.marker_ids)


def _follow_up(
    client: Client, pending: list[PendingFollowUp], settings: ClinicSettings | None = None
) -> FollowUp:
    sessions = sorted({m.session_id: m.session for m in pending}.values(), key=lambda s: s.number)
    checkins = {m.session_id for m in pending if m.source == Respondent.CLIENT}
    return FollowUp(
        client=client,
        sessions=sessions,
        checkin_sessions=[s for s in sessions if s.pk in checkins],
        settings=settings or ClinicSettings.for_clinic(client.clinic_id),
        marker_ids=[marker.pk for marker in pending],
    )


def _unstored_submissions() -> QuerySet[CheckinSubmission]:
    return CheckinSubmission.objects.filter(stored_at__isnull=True)


def _count_failure(client_id: int, error: Exception) -> None:
    try:
        with transaction.atomic():
            _count_in_markers(client_id, error)
    except DatabaseError:
        log.exception("could not count the failed follow-up of client %s", client_id)


def _count_in_markers(client_id: int, error: Exception) -> None:
    PendingFollowUp.objects.filter(client_id=client_id).update(
        failed_attempts=F("failed_attempts") + 1,
        last_error=f"{type(error).__name__}: {error}"[:200],
    )
    _unstored_submissions().filter(client_id=client_id).update(
        failed_attempts=F("failed_attempts") + 1
    )


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
