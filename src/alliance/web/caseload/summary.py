"""Compute client summaries from the history, in bulk for any set of clients of one clinic.

The same computation serves the follow-up (one client), the alert and episode changes, and the
backfill of a whole clinic; a constant number of queries whatever the number of clients.

The part the answers make (`sum_history`: the alliance, its sums, the outcome, the place on the
expected course) is most of the work and only reads, so the follow-up computes it before its
transaction; the part the analysis or a page may change meanwhile (the client row, sessions,
episodes, open alerts) is read when the row is written. The expected course is the one the
follow-up places with (`follow_up_course`): never refitted in line, and the version it was
fitted on is kept with each placement."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db.models import Exists, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from alliance.web.clinic.instruments import ALLIANCE, ANXIETY, DIMENSIONS
from alliance.web.clinic.models import (
    Alert,
    Attendance,
    Client,
    Episode,
    Respondent,
    Response,
    Session,
    Severity,
)
from alliance.web.followup.context import clinic_instruments
from alliance.web.outcome.pairs import latest_pairs
from alliance.web.outcome.recovery import Track, follow_up_course, tracks_from_rows
from alliance.web.outcome.status import outcome_statuses_of_rows

from .clinic_figures import new_revision
from .models import ClientSummary

TRACK_FIELDS = [
    "track",
    "track_intake",
    "track_outcome",
    "track_session",
    "track_course",
    "track_expected",
    "track_lower",
    "track_upper",
    "track_default_curve",
    "track_version",
]
ALERT_FIELDS = [
    "open_alerts",
    "urgent_alerts",
    "warning_alerts",
    "info_alerts",
    "alert_badges",
    "snooze_ends",
]
SUMMARY_FIELDS = [f.name for f in ClientSummary._meta.concrete_fields if f.name != "client"]
# read when the row is written; the rest comes from the answers (`sum_history`)
WRITE_TIME_FIELDS = {"clinic", "code", "therapist", "last_session", "episode_active"}
WRITE_TIME_FIELDS |= {"episode_ended", "revision", "updated_at", *ALERT_FIELDS}
HISTORY_FIELDS = [name for name in SUMMARY_FIELDS if name not in WRITE_TIME_FIELDS]
COPIED = ("pk", "clinic_id", "code", "therapist_id")  # from the client row, as the summary has them


def compute(
    client_ids: Iterable[int], clinic_id: int, summed: dict[int, ClientSummary] | None = None
) -> list[ClientSummary]:
    """Unsaved summaries of these clients of one clinic, from their whole history; `summed`
    (from `sum_history`, over the same answers) gives the answers' part where it has it."""
    ids = list(client_ids)
    if not ids:
        return []
    summaries = {row.client_id: row for row in _client_rows(ids)}
    summed = dict(summed or {})
    summed |= sum_history([pk for pk in summaries if pk not in summed], clinic_id)
    for pk, row in summaries.items():
        for name in HISTORY_FIELDS:
            setattr(row, name, getattr(summed[pk], name))
    _add_alerts(summaries, ids)
    return list(summaries.values())


def sum_history(client_ids: Iterable[int], clinic_id: int) -> dict[int, ClientSummary]:
    """{client id: an unsaved summary holding only the part these clients' answers make}, read
    only (HISTORY_FIELDS; the rest is left at its defaults)."""
    ids = list(client_ids)
    if not ids:
        return {}
    outcome = clinic_instruments(clinic_id).outcome
    summed = {pk: ClientSummary(client_id=pk) for pk in ids}
    ranked = _ranked_responses(ids, outcome)
    _add_alliance(summed, ranked)
    _add_alliance_sums(summed, ids)
    _add_outcome(summed, ranked, clinic_id, outcome)
    return summed


def refresh(
    client_ids: Iterable[int],
    clinic_id: int,
    *,
    create: bool = True,
    summed: dict[int, ClientSummary] | None = None,
) -> int:
    """Recompute and store these clients' summaries (one upsert); how many were written.

    `create=False` only rewrites rows that exist: while a client is deleted, their episodes and
    sessions go first, and their summary must not come back before the client row goes.
    `summed` is the answers' part computed beforehand (see `compute`)."""
    found = compute(client_ids, clinic_id, summed)
    if not create:
        return _rewrite_existing(found)
    ClientSummary.objects.bulk_create(
        found, update_conflicts=True, unique_fields=["client"], update_fields=SUMMARY_FIELDS
    )
    return len(found)


def _rewrite_existing(found: list[ClientSummary]) -> int:
    stored = ClientSummary.objects.filter(client_id__in=[row.client_id for row in found])
    kept = set(stored.values_list("client_id", flat=True))
    found = [row for row in found if row.client_id in kept]
    now = timezone.now()  # a bulk update does not stamp it itself
    for row in found:
        row.updated_at = now
    ClientSummary.objects.bulk_update(found, SUMMARY_FIELDS)
    return len(found)


def refresh_alerts(client_ids: Iterable[int]) -> None:
    """Rewrite only the open-alert part of these clients' summaries (the rest is unchanged)."""
    ids = list(client_ids)
    found = {pk: ClientSummary(client_id=pk) for pk in ids}
    _add_alerts(found, ids)
    rows = ClientSummary.objects.filter(client_id__in=ids)
    existing = {row.client_id: row for row in rows.only("client_id")}
    for pk, row in existing.items():
        for name in ALERT_FIELDS:
            setattr(row, name, getattr(found[pk], name))
    ClientSummary.objects.bulk_update(existing.values(), ALERT_FIELDS)
    for clinic_id, missing in clients_by_clinic(set(ids) - set(existing)).items():
        refresh(missing, clinic_id)


def refresh_last_session(client_id: int, *, create: bool = True) -> None:
    """Rewrite only the last attended session's date (a session added or its attendance set)."""
    attended = Session.objects.filter(client_id=client_id, attendance=Attendance.ATTENDED)
    last = attended.order_by("-date").values_list("date", flat=True).first()
    updated = ClientSummary.objects.filter(client_id=client_id).update(last_session=last)
    if not updated and create:
        for clinic_id, missing in clients_by_clinic({client_id}).items():
            refresh(missing, clinic_id)


def copy_client(client) -> None:
    """The client's clinic, code and therapist onto their summary, when one of them changed."""
    copied = {"clinic_id": client.clinic_id, "code": client.code}
    copied["therapist_id"] = client.therapist_id
    changed = ClientSummary.objects.filter(client_id=client.pk).exclude(**copied)
    changed.update(**copied, updated_at=timezone.now(), revision=new_revision())


def clients_by_clinic(client_ids: set[int]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = defaultdict(list)
    for pk, clinic_id in Client.objects.filter(pk__in=client_ids).values_list("pk", "clinic_id"):
        grouped[clinic_id].append(pk)
    return grouped


def course(clinic_id: int, outcome: str):
    """(the expected course the clinic's clients are placed on, its version for
    `track_version`: the outcome and the history version it was fitted on)."""
    model, (ended, scores) = follow_up_course(clinic_id, outcome)
    return model, f"{outcome}:{ended}:{scores}"


def replace_stale_tracks(clinic_id: int, version: str | None = None) -> int:
    """Place again, in bulk from the summaries alone, every client of the clinic placed against
    another model than the current one, or than `version` (the follow-up's, as prepared); a
    client summed up on another outcome measure is recomputed. How many; one query when none
    is (the model moves on every REFIT_EVERY scores or an ended episode)."""
    outcome = clinic_instruments(clinic_id).outcome
    version = version or course(clinic_id, outcome)[1]
    stale = list(ClientSummary.objects.filter(clinic_id=clinic_id).exclude(track_version=version))
    if not stale:
        return 0
    model, version = course(clinic_id, outcome)
    other = [row.client_id for row in stale if row.outcome_instrument != outcome]
    refresh(other, clinic_id)
    same = [row for row in stale if row.outcome_instrument == outcome]
    placed = tracks_from_rows(model, _stored_rows(same))
    for row in same:
        _set_track(row, placed.get(row.client_id), version)
        row.revision = new_revision()  # who is off track may have changed
    ClientSummary.objects.bulk_update(same, [*TRACK_FIELDS, "revision"], batch_size=500)
    return len(stale)


def _stored_rows(rows: list[ClientSummary]) -> list[tuple]:
    """The intake and latest score kept on each summary, as the (client, episode, session,
    total) rows they came from."""
    kept = [row for row in rows if row.track_course]
    return [
        point
        for r in kept
        for point in (
            (r.client_id, 0, r.track_session - r.track_course + 1, r.track_intake),
            (r.client_id, 0, r.track_session, r.track_outcome),
        )
    ]


def _client_rows(ids: list[int]) -> list[ClientSummary]:
    attended = Session.objects.filter(client=OuterRef("pk"), attendance=Attendance.ATTENDED)
    episodes = Episode.objects.filter(client=OuterRef("pk"))
    clients = Client.objects.filter(pk__in=ids).annotate(
        last=Subquery(attended.order_by("-date").values("date")[:1]),
        active=Exists(episodes.filter(ended__isnull=True)),
        ended=Subquery(episodes.filter(ended__isnull=False).order_by("-ended").values("ended")[:1]),
    )
    found = clients.values_list(*COPIED, "last", "active", "ended")
    return [
        ClientSummary(
            client_id=pk,
            revision=new_revision(),
            clinic_id=clinic_id,
            code=code,
            therapist_id=therapist_id,
            last_session=last,
            episode_active=active,
            episode_ended=None if active else ended,
        )
        for pk, clinic_id, code, therapist_id, last, active, ended in found
    ]


def _ranked_responses(ids: list[int], outcome: str) -> list[dict]:
    """In one query: the last two client responses per (client, instrument), and the first
    outcome score of each episode (its intake)."""
    per_client = [F("client_id"), F("instrument")]
    ranked = Response.objects.filter(
        client_id__in=ids,
        respondent=Respondent.CLIENT,
        instrument__in=[ALLIANCE, outcome, ANXIETY],
    ).annotate(
        rank=Window(RowNumber(), partition_by=per_client, order_by=F("session__number").desc()),
        intake=Window(
            RowNumber(),
            partition_by=[F("session__episode_id"), F("instrument")],
            order_by=F("session__number").asc(),
        ),
    )
    chosen = ranked.filter(Q(rank__lte=2) | Q(intake=1, instrument__in=[outcome, ANXIETY]))
    return list(
        chosen.values(
            "client_id",
            "instrument",
            "scores",
            "band",
            "rank",
            "session__number",
            "session__episode_id",
        )
    )


def _latest_two(rows: list[dict]) -> dict[tuple[int, str], list[dict]]:
    found: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for row in sorted((r for r in rows if r["rank"] <= 2), key=lambda r: r["rank"]):
        found[row["client_id"], row["instrument"]].append(row)
    return found


def _add_alliance(summaries: dict[int, ClientSummary], ranked: list[dict]) -> None:
    latest_two = _latest_two(ranked)
    for pk, row in summaries.items():
        found = latest_two.get((pk, ALLIANCE), [])
        latest = found[0]["scores"] if found else {}
        before = found[1]["scores"] if len(found) > 1 else {}
        for name, key in [*((d, d) for d in DIMENSIONS), ("alliance", "total")]:
            setattr(row, name, latest.get(key))
            setattr(row, f"{name}_change", _delta(latest.get(key), before.get(key)))


def _delta(value, previous) -> float | None:
    return None if value is None or previous is None else round(value - previous, 2)


def _add_alliance_sums(summaries: dict[int, ClientSummary], ids: list[int]) -> None:
    """Count, sum and sum of squares of every client check-in, per dimension."""
    checkins = Response.objects.filter(
        client_id__in=ids, instrument=ALLIANCE, respondent=Respondent.CLIENT
    ).order_by("pk")
    for pk, scores in checkins.values_list("client_id", "scores"):
        row = summaries.get(pk)
        for dim in DIMENSIONS:
            value = scores.get(dim)
            if row is not None and value is not None:
                setattr(row, f"{dim}_n", getattr(row, f"{dim}_n") + 1)
                setattr(row, f"{dim}_sum", getattr(row, f"{dim}_sum") + float(value))
                setattr(row, f"{dim}_squares", getattr(row, f"{dim}_squares") + float(value) ** 2)


def _add_outcome(
    summaries: dict[int, ClientSummary], ranked: list[dict], clinic_id: int, outcome: str
) -> None:
    latest_two = _latest_two(ranked)
    rows = _outcome_rows(ranked, {outcome, ANXIETY})
    statuses = outcome_statuses_of_rows(rows)
    model, version = course(clinic_id, outcome)
    placed = tracks_from_rows(model, rows[outcome])
    pairs = {pair[0]: pair for pair in latest_pairs(rows[outcome])}
    for pk, row in summaries.items():
        found = latest_two.get((pk, outcome), [])
        row.outcome_instrument = outcome
        row.outcome = found[0]["scores"].get("total") if found else None
        row.outcome_band = found[0]["band"] if found else ""
        status = statuses.get(pk)
        row.outcome_category = status.category if status else ""
        row.recovery = status.recovery if status else ""
        _set_track(row, placed.get(pk), version)
        if pk in placed:
            _, row.track_intake, _, _, row.track_course = pairs[pk]


def _outcome_rows(ranked: list[dict], instruments: set[str]) -> dict[str, list[tuple]]:
    """{instrument: its (client_id, episode, session, total) rows} of the ranked responses."""
    rows: dict[str, list[tuple]] = {instrument: [] for instrument in instruments}
    for r in ranked:
        if r["instrument"] in rows:
            point = (r["session__episode_id"], r["session__number"], r["scores"].get("total"))
            rows[r["instrument"]].append((r["client_id"], *point))
    return rows


def _set_track(row: ClientSummary, track: Track | None, version: str) -> None:
    row.track_version = version
    row.track = track.status if track else ""
    row.track_default_curve = bool(track and track.default_curve)
    row.track_outcome = track.outcome if track else None
    row.track_session = track.session if track else None
    row.track_expected = track.expected if track else None
    row.track_lower = track.lower if track else None
    row.track_upper = track.upper if track else None
    if track is None:
        row.track_intake = row.track_course = None


def _add_alerts(summaries: dict[int, ClientSummary], ids: list[int]) -> None:
    """Open alerts by severity with their badges, and when the first snoozed one reopens (one
    query: every alert neither acknowledged nor closed, sorted out here)."""
    counts: dict[int, Counter] = defaultdict(Counter)
    badges: dict[int, list] = defaultdict(list)
    ends: dict[int, object] = {}
    now = timezone.now()
    standing = Alert.objects.filter(
        client_id__in=ids, acknowledged_at__isnull=True, closed_at__isnull=True
    ).order_by("-created_at", "-pk")
    for pk, severity, kind, snoozed in standing.values_list(
        "client_id", "severity", "kind", "snoozed_until"
    ):
        if severity == Severity.URGENT or snoozed is None or snoozed <= now:
            counts[pk][severity] += 1
            badges[pk].append([severity, kind])
        elif pk not in ends or snoozed < ends[pk]:
            ends[pk] = snoozed
    for pk, row in summaries.items():
        row.open_alerts = sum(counts[pk].values())
        row.urgent_alerts = counts[pk][Severity.URGENT]
        row.warning_alerts = counts[pk][Severity.WARNING]
        row.info_alerts = counts[pk][Severity.INFO]
        row.alert_badges = badges[pk]
        row.snooze_ends = ends.get(pk)
