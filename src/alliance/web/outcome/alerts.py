"""The not-on-track alert: raised once when a client's outcome leaves the expected band, closed
by itself when they are back inside it."""

from __future__ import annotations

import logging

from django.db import transaction

from alliance.web.clinic.instruments import ALLIANCE, DIMENSIONS, ClinicInstruments
from alliance.web.clinic.models import Alert, AlertKind, Client, Respondent, Response
from alliance.web.followup.context import clinic_instruments

from .off_track_words import track_figures
from .recovery import Track, follow_up_recovery, tracks_from_rows

log = logging.getLogger(__name__)


PREPARED = "recovery"


def prepare_recovery(follow_ups) -> None:
    """Before the follow-ups' transactions: place every client who checked in on their clinic's
    expected course, in bulk per clinic. A clinic whose placement fails is logged and left to
    each client's own step."""
    clinics: dict[int, list[Client]] = {}
    for follow_up in follow_ups:
        if follow_up.checkin_sessions:
            clinics.setdefault(follow_up.client.clinic_id, []).append(follow_up.client)
    placed: dict[int, tuple[Track | None, ClinicInstruments]] = {}
    for clinic_id, clients in clinics.items():
        try:
            placed |= place_all(clinic_id, clients)
        except (ValueError, ArithmeticError, KeyError):
            log.exception("expected recovery failed for clinic %s", clinic_id)
    for follow_up in follow_ups:
        if follow_up.client.pk in placed:
            follow_up.prepared[PREPARED] = placed[follow_up.client.pk]


def recovery_step(follow_up) -> None:
    """The follow-up step: after a client check-in, raise or close the not-on-track alert from
    the client's place (computed now if it was not prepared).

    A problem in the model is logged and skipped, so it never holds up the rupture steps."""
    if not follow_up.checkin_sessions:
        return
    try:
        with transaction.atomic():
            follow_recovery(follow_up.client, follow_up.prepared.get(PREPARED))
    except (ValueError, ArithmeticError, KeyError):
        log.exception("expected recovery failed for client %s", follow_up.client.pk)


def place_all(
    clinic_id: int, clients: list[Client]
) -> dict[int, tuple[Track | None, ClinicInstruments]]:
    """{client id: (place on the clinic's expected course or None, the clinic's instruments)},
    read only, in one query of scores; the model from the cache, refitted by a task of its own
    when it is stale."""
    instruments = clinic_instruments(clinic_id)
    scores = Response.objects.filter(
        client__in=clients, instrument=instruments.outcome, respondent=Respondent.CLIENT
    )
    model = follow_up_recovery(clinic_id, instruments.outcome)
    rows = scores.values_list(
        "client_id", "session__episode_id", "session__number", "scores__total"
    )
    found = tracks_from_rows(model, rows)
    return {client.pk: (found.get(client.pk), instruments) for client in clients}


def place(client: Client) -> tuple[Track | None, ClinicInstruments]:
    """The client's place on the clinic's expected course (see `place_all`)."""
    return place_all(client.clinic_id, [client])[client.pk]


def follow_recovery(
    client: Client, placed: tuple[Track | None, ClinicInstruments] | None = None
) -> Alert | None:
    """Place the client after a check-in (or take `placed`, from `place`); raise or close the
    not-on-track alert as needed."""
    track, instruments = placed or place(client)
    standing = Alert.objects.filter(
        client=client, kind=AlertKind.NOT_ON_TRACK, closed_at__isnull=True
    ).first()
    if track is None:
        return standing
    if track.off_track and standing is None:
        return _raise(client, track, instruments)
    if not track.off_track and standing is not None:
        _close(standing, track, instruments)
        return None
    return standing


def _raise(client: Client, track: Track, instruments: ClinicInstruments) -> Alert:
    figures = track_figures(track, instruments.outcome) | {"alliance": _alliance_figures(client)}
    return Alert.objects.raise_(client, AlertKind.NOT_ON_TRACK, figures=figures)


def _close(alert: Alert, track: Track, instruments: ClinicInstruments) -> None:
    name = instruments.outcome_name
    alert.close(
        f"Back on track: {name} {track.outcome:g} at session {track.session}, {track.words}."
    )


def _alliance_figures(client: Client) -> list[list]:
    """The latest alliance by dimension against the client's own average: [[dimension, latest,
    average], ...], empty before the first alliance check-in."""
    rated = list(
        Response.objects.filter(client=client, instrument=ALLIANCE, respondent=Respondent.CLIENT)
        .order_by("session__number")
        .values_list("scores", flat=True)
    )
    found = []
    for dim in DIMENSIONS:
        values = [s[dim] for s in rated if s.get(dim) is not None]
        if values:
            found.append([dim, values[-1], sum(values) / len(values)])
    return found
