"""After each check-in (in its follow-up), run the clinic's detector on this client's series and
keep the stored ruptures and their alerts in step: one alert per new episode, closed with the
episode's outcome."""

from __future__ import annotations

import logging

import pandas as pd
from django.utils import timezone

from alliance.analysis.ruptures import ConfigError, RuptureInputError
from alliance.web.clinic.audit import record
from alliance.web.clinic.models import (
    Alert,
    AlertKind,
    Client,
    ClinicSettings,
    Response,
    Rupture,
    RuptureStatus,
    Session,
    Severity,
)
from alliance.web.clinic.tables import SESSION_INSTRUMENTS, session_table_from_query

from .explain import outcome_text, rupture_alert

log = logging.getLogger(__name__)
# alerts about the same strain that the rupture alert already explains
FOLDED_KINDS = (
    AlertKind.RUPTURE_REPORTED,
    AlertKind.ALLIANCE_DROP,
    AlertKind.ALLIANCE_REVIEW,
    AlertKind.TASK_DISAGREEMENT,
)


NOT_FOUND_YET = object()  # `events` not computed before: follow_client runs the detector


def follow_client(
    client: Client,
    sessions: list[Session],
    *,
    settings: ClinicSettings | None = None,
    events: pd.DataFrame | None | object = NOT_FOUND_YET,
) -> list[Rupture]:
    """Store new episodes and update known ones; fold each session's other alliance alerts into
    the rupture open at that session. Call with the client row locked (alliance.web.followup);
    `events` is what `detected_events` found before the lock, when it was run."""
    if events is NOT_FOUND_YET:
        events = detected_events(client, settings or ClinicSettings.for_clinic(client.clinic_id))
    if events is None:
        return []
    known = list(client.ruptures.select_related("alert"))
    for event in events.to_dict("records"):  # type: ignore[union-attr]
        rupture = _match(known, event)
        if rupture is None:
            known.append(_open(client, event))
        else:
            _update(rupture, event)
    for session in sessions:
        current = open_at(known, session.number)
        if current is not None:
            fold_alerts(current, session)
    return known


def open_at(ruptures: list[Rupture], number: int) -> Rupture | None:
    """The latest-found rupture still open that had begun by this session number."""
    found = [r for r in ruptures if r.status == RuptureStatus.OPEN and r.onset_session <= number]
    return found[-1] if found else None


def detected_events(client: Client, settings: ClinicSettings) -> pd.DataFrame | None:
    """The detector's episodes over the client's whole series (reads only), None if none can be
    found."""
    responses = Response.objects.filter(client=client, instrument__in=SESSION_INSTRUMENTS)
    # in session order, so the detector finds its table in order (the order the database
    # happens to return differs between SQLite and PostgreSQL)
    table = session_table_from_query(responses.order_by("session__number", "pk"))
    if not table["alliance"].notna().any():
        return None
    try:
        return settings.detector().fit(table).events_
    except (ConfigError, RuptureInputError):
        # a stored check-in must never be lost to a detector problem; the log says which client
        log.exception("rupture detection skipped for client %s", client.code)
        return None


def _match(known: list[Rupture], event: dict) -> Rupture | None:
    """The stored rupture for this event: the same onset, or an open one it overlaps."""
    onset, last = int(event["onset_session"]), int(event["last_session"])
    for rupture in known:
        if rupture.onset_session == onset:
            return rupture
    for rupture in known:
        overlaps = rupture.onset_session <= last and onset <= rupture.last_session
        if rupture.status == RuptureStatus.OPEN and overlaps:
            return rupture
    return None


def _number(value) -> float | None:
    return None if pd.isna(value) else round(float(value), 4)


def _fields(event: dict) -> dict:
    repaired = event["repaired"]
    status = (
        RuptureStatus.OPEN
        if repaired is None
        else RuptureStatus.REPAIRED
        if repaired
        else RuptureStatus.UNREPAIRED
    )
    repair = event["repair_session"]
    return {
        "lowest_session": int(event["lowest_session"]),
        "last_session": int(event["last_session"]),
        "depth": _number(event["depth"]),
        "depth_sd": _number(event["depth_sd"]),
        "baseline": _number(event["baseline"]),
        "dimensions": list(event["dimensions"]),
        "rule": str(event["rule"]),
        "thresholds": event["thresholds"],
        "status": status,
        "repair_session": None if pd.isna(repair) else int(repair),
    }


def _open(client: Client, event: dict) -> Rupture:
    """A new episode: stored, and announced by one alert unless it is already repaired."""
    rupture = Rupture(client=client, onset_session=int(event["onset_session"]), **_fields(event))
    if rupture.status != RuptureStatus.OPEN:
        rupture.resolved_at = timezone.now()
    if rupture.status != RuptureStatus.REPAIRED:
        rupture.alert = rupture_alert(rupture)
    rupture.save()
    record(None, client, "rupture-detected", rupture)
    return rupture


def _update(rupture: Rupture, event: dict) -> None:
    fields = _fields(event)
    was = rupture.status
    if was != RuptureStatus.OPEN:
        fields["status"] = was  # an outcome, once recorded, stands
    changed = [name for name, value in fields.items() if getattr(rupture, name) != value]
    if not changed:
        return
    for name in changed:
        setattr(rupture, name, fields[name])
    if was == RuptureStatus.OPEN and rupture.status != RuptureStatus.OPEN:
        rupture.resolved_at = timezone.now()
        changed.append("resolved_at")
        close_alert(rupture)
        record(None, rupture.client, f"rupture-{rupture.status}", rupture)
    rupture.save(update_fields=changed)


def close_alert(rupture: Rupture) -> None:
    """Close the rupture's alert with the episode's outcome (kept on the alert)."""
    if rupture.alert is not None:
        rupture.alert.close(outcome_text(rupture))


def fold_alerts(rupture: Rupture, session: Session) -> None:
    """Close this session's other alliance alerts: the open rupture's alert already covers them."""
    (
        Alert.objects.open()
        .filter(client_id=session.client_id, response__session=session, kind__in=FOLDED_KINDS)
        .exclude(severity=Severity.URGENT)
        .exclude(pk=rupture.alert_id)
        .fold_into(
            rupture, outcome=f"Part of the rupture that began at session {rupture.onset_session}."
        )
    )
