"""Build the caseload rows with four queries whatever the number of clients."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, Max, OuterRef, Q, Window
from django.db.models.functions import RowNumber

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.instruments import (
    ALLIANCE,
    ANXIETY,
    DIMENSIONS,
    ClinicInstruments,
    for_clinic,
)
from alliance.web.clinic.models import Alert, Attendance, Client, Episode, Respondent, Response
from alliance.web.clinic.tables import outcome_table_from_values
from alliance.web.outcome.cache import history_version
from alliance.web.outcome.recovery import Track, clinic_recovery, tracks
from alliance.web.outcome.status import OutcomeStatus, outcome_statuses


@dataclass
class Change:
    dimension: str
    value: float | None
    delta: float | None

    @property
    def arrow(self) -> str:
        if self.delta is None:
            return ""
        return "↑" if self.delta > 0 else "↓" if self.delta < 0 else "→"

    @property
    def text(self) -> str:
        if self.delta is None:
            return "first check-in" if self.value is not None else "no check-in yet"
        if self.delta == 0:
            return "no change"
        return f"{'up' if self.delta > 0 else 'down'} {abs(self.delta):g}"


@dataclass
class Row:
    client: Client
    alliance: list[Change] = field(default_factory=list)
    alliance_total: float | None = None
    outcome: float | None = None
    band: str = ""
    alerts: list[Alert] = field(default_factory=list)
    alliance_change: Change | None = None
    status: OutcomeStatus | None = None
    track: Track | None = None

    @property
    def urgent(self) -> bool:
        return any(alert.is_urgent for alert in self.alerts)


def active_clients(user, *, search: str = "", therapist: str = ""):
    """The user's visible clients with an open episode, filtered, with their last session date."""
    open_episode = Episode.objects.filter(client=OuterRef("pk"), ended__isnull=True)
    found = visible_clients(user).filter(Exists(open_episode)).select_related("therapist")
    if search:
        found = found.filter(Q(code__icontains=search) | Q(display_name__icontains=search))
    if therapist:
        found = found.filter(therapist__username=therapist)
    attended = Q(sessions__attendance=Attendance.ATTENDED)
    return found.annotate(last_session=Max("sessions__date", filter=attended))


def ranked_responses(clients, outcome: str) -> list[dict]:
    """In one query: the last two client responses per (client, instrument), and the first
    outcome score of each episode (its intake)."""
    per_client = [F("client_id"), F("instrument")]
    ranked = Response.objects.filter(
        client__in=clients.values("pk"),
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


def latest_two(rows: list[dict]) -> dict[tuple[int, str], list[dict]]:
    """The last two responses per (client, instrument), newest first."""
    found: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for row in sorted((r for r in rows if r["rank"] <= 2), key=lambda r: r["rank"]):
        found[row["client_id"], row["instrument"]].append(row)
    return found


def build_rows(
    user, *, search: str = "", therapist: str = "", instruments: ClinicInstruments | None = None
) -> list[Row]:
    """One row per active client: latest alliance and its direction, outcome, open alerts."""
    instruments = instruments or for_clinic(user.clinic_id)
    clients = active_clients(user, search=search, therapist=therapist)
    ranked = ranked_responses(clients, instruments.outcome)
    responses = latest_two(ranked)
    alerts = defaultdict(list)
    for alert in Alert.objects.open().filter(client__in=clients.values("pk")):
        alerts[alert.client_id].append(alert)
    rows = [_row(client, responses, alerts[client.pk], instruments.outcome) for client in clients]
    table = outcome_table_from_values(ranked, {instruments.outcome, ANXIETY})
    _add_outcome(rows, table, user.clinic_id, instruments.outcome)
    return rows


def _add_outcome(rows: list[Row], table, clinic_id: int | None, outcome: str) -> None:
    """Outcome since intake and expected recovery, computed in bulk for every row."""
    if not rows or clinic_id is None:
        return
    statuses = outcome_statuses(table)
    model = clinic_recovery(clinic_id, history_version(clinic_id, outcome), outcome)
    placed = tracks(model, table, outcome)
    for row in rows:
        row.status, row.track = statuses.get(row.client.pk), placed.get(row.client.pk)


def _row(client: Client, responses, alerts: list[Alert], outcome_id: str) -> Row:
    alliance = responses.get((client.pk, ALLIANCE), [])
    outcome = responses.get((client.pk, outcome_id), [])
    latest = alliance[0]["scores"] if alliance else {}
    before = alliance[1]["scores"] if len(alliance) > 1 else {}
    changes = [_change(dim, latest.get(dim), before.get(dim)) for dim in DIMENSIONS]
    return Row(
        client=client,
        alliance=changes,
        alliance_total=latest.get("total"),
        outcome=outcome[0]["scores"].get("total") if outcome else None,
        band=outcome[0]["band"] if outcome else "",
        alerts=alerts,
        alliance_change=_change("alliance", latest.get("total"), before.get("total")),
    )


def _change(dimension: str, value, previous) -> Change:
    delta = None if value is None or previous is None else round(value - previous, 2)
    return Change(dimension, value, delta)
