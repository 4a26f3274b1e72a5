"""Keep the summaries up to date: after each follow-up, and when an alert or an episode changes
outside one (a therapist acknowledges, snoozes, ends or reopens, a history is imported)."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from alliance.web.followup.context import analysis_memo

from .summary import (
    clients_by_clinic,
    copy_client,
    refresh,
    refresh_alerts,
    refresh_last_session,
    replace_stale_tracks,
    sum_history,
)

COPIED_FROM_CLIENT = {"clinic", "clinic_id", "code", "therapist", "therapist_id"}
PREPARED = "caseload-summary"
SUMMED_LATER = "caseload-summary-later"  # the client whose analysis ends in summary_step


def prepare_summaries(follow_ups) -> None:
    """Before the follow-ups' transactions: the part of each client's summary their answers
    make, in bulk per clinic (read only; the rest is read when the row is written)."""
    clinics: dict[int, list] = defaultdict(list)
    for follow_up in follow_ups:
        clinics[follow_up.client.clinic_id].append(follow_up)
    for clinic_id, group in clinics.items():
        summed = sum_history([follow_up.client.pk for follow_up in group], clinic_id)
        for follow_up in group:
            follow_up.prepared[PREPARED] = summed[follow_up.client.pk]


def summary_later_step(follow_up) -> None:
    """The follow-up step before every other: the alerts the analysis raises or closes need no
    summary rewrite each, since `summary_step` sums the client up once at its end."""
    memo = analysis_memo()
    if memo is not None:
        memo[SUMMED_LATER] = follow_up.client.pk


def _summed_later(client_id: int) -> bool:
    memo = analysis_memo()
    return memo is not None and memo.get(SUMMED_LATER) == client_id


def summary_step(follow_up) -> None:
    """The follow-up step, after every other analysis: the client's summary from their history
    (its answers' part as prepared, when it was)."""
    client = follow_up.client
    prepared = follow_up.prepared.get(PREPARED)
    summed = {client.pk: prepared} if prepared is not None else None
    refresh([client.pk], client.clinic_id, summed=summed)


def stale_tracks_step(follow_ups) -> None:
    """After a run's analyses, once per clinic: its placements made against another expected
    course than the one the run placed with (the latest client's, as prepared) are made
    again."""
    versions: dict[int, str | None] = {}
    for follow_up in follow_ups:
        prepared = follow_up.prepared.get(PREPARED)
        versions[follow_up.client.clinic_id] = prepared.track_version if prepared else None
    for clinic_id, version in versions.items():
        replace_stale_tracks(clinic_id, version)


def alert_saved(sender, instance, **kwargs) -> None:
    if not _summed_later(instance.client_id):
        refresh_alerts([instance.client_id])


def alert_audited(sender, instance, created: bool = False, **kwargs) -> None:
    """An alert's life is audited at every step, however it was written (a queryset update
    sends no signal): an acknowledgement through a page or the API tells the summary here."""
    about_alerts = instance.action.startswith(("alert-", "alerts-"))
    if created and instance.client_id and about_alerts and not _summed_later(instance.client_id):
        refresh_alerts([instance.client_id])


def session_changed(sender, instance, **kwargs) -> None:
    refresh_last_session(instance.client_id, create="created" in kwargs)  # post_save only


def episode_changed(sender, instance, **kwargs) -> None:
    """The client's summary now; and as an episode that ends, reopens or goes moves the clinic's
    expected course on, everyone else's placement once the transaction commits (a new open
    episode moves nothing)."""
    from alliance.web.clinic.models import Client

    saved = "created" in kwargs  # post_save; post_delete has no `created`
    moves_history = not kwargs.get("created") or instance.ended is not None
    clinic_id = Client.objects.filter(pk=instance.client_id).values_list("clinic_id", flat=True)
    for found in clinic_id:
        refresh([instance.client_id], found, create=saved)
        if moves_history:
            transaction.on_commit(lambda clinic=found: _queue_replacing(clinic))


def response_saved(sender, instance, **kwargs) -> None:
    """An answer stored one by one outside a check-in (a history import): the summary is
    recomputed once the import commits, once per client however many answers it brought."""
    saved_at = timezone.now()
    transaction.on_commit(lambda: _refresh_unless_newer(instance.client_id, saved_at))


def _refresh_unless_newer(client_id: int, saved_at) -> None:
    from .models import ClientSummary

    if not ClientSummary.objects.filter(client_id=client_id, updated_at__gte=saved_at).exists():
        for clinic_id, ids in clients_by_clinic({client_id}).items():
            refresh(ids, clinic_id)


def client_saved(sender, instance, created: bool, update_fields=None, **kwargs) -> None:
    if created:
        refresh([instance.pk], instance.clinic_id)
    elif update_fields is None or COPIED_FROM_CLIENT & set(update_fields):
        copy_client(instance)


def _queue_replacing(clinic_id: int) -> None:
    from .tasks import replace_tracks

    replace_tracks.enqueue(clinic_id)
