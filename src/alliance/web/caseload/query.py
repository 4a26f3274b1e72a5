"""Build the caseload rows with three queries whatever the number of clients."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, F, Max, OuterRef, Q, Window
from django.db.models.functions import RowNumber

from alliance.measures import DIMENSIONS
from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.models import Alert, Attendance, Client, Episode, Respondent, Response

ALLIANCE, OUTCOME = "alliance-checkin", "phq-9"


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


def latest_two(clients) -> dict[tuple[int, str], list[dict]]:
    """The last two client responses per (client, instrument), newest first, in one query."""
    ranked = Response.objects.filter(
        client__in=clients.values("pk"), respondent=Respondent.CLIENT,
        instrument__in=[ALLIANCE, OUTCOME],
    ).annotate(rank=Window(RowNumber(), partition_by=[F("client_id"), F("instrument")],
                           order_by=F("session__number").desc()))
    found: dict[tuple[int, str], list[dict]] = defaultdict(list)
    rows = ranked.filter(rank__lte=2).values("client_id", "instrument", "scores", "band", "rank")
    for row in sorted(rows, key=lambda r: r["rank"]):
        found[row["client_id"], row["instrument"]].append(row)
    return found


def build_rows(user, *, search: str = "", therapist: str = "") -> list[Row]:
    """One row per active client: latest alliance and its direction, outcome, open alerts."""
    clients = active_clients(user, search=search, therapist=therapist)
    responses = latest_two(clients)
    alerts = defaultdict(list)
    for alert in Alert.objects.open().filter(client__in=clients.values("pk")):
        alerts[alert.client_id].append(alert)
    return [_row(client, responses, alerts[client.pk]) for client in clients]


def _row(client: Client, responses, alerts: list[Alert]) -> Row:
    alliance = responses.get((client.pk, ALLIANCE), [])
    outcome = responses.get((client.pk, OUTCOME), [])
    latest = alliance[0]["scores"] if alliance else {}
    before = alliance[1]["scores"] if len(alliance) > 1 else {}
    changes = [_change(dim, latest.get(dim), before.get(dim)) for dim in DIMENSIONS]
    return Row(client=client, alliance=changes, alliance_total=latest.get("total"),
               outcome=outcome[0]["scores"].get("total") if outcome else None,
               band=outcome[0]["band"] if outcome else "", alerts=alerts)


def _change(dimension: str, value, previous) -> Change:
    delta = None if value is None or previous is None else round(value - previous, 2)
    return Change(dimension, value, delta)
