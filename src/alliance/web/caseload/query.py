"""The caseload and team lists: one query over the client summaries, sorted and paginated in
the database, with no science per row (the latest check-in's status is looked up per listed row
in one more query bounded by the page)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.analysis.trajectories import NOT_ON_TRACK
from alliance.measures import get_instrument
from alliance.web.clinic.access import supervised_therapists, visible_clients
from alliance.web.clinic.instruments import DIMENSIONS, band_label
from alliance.web.clinic.models import Alert, AlertKind, Client, Severity
from alliance.web.delivery.models import Delivery
from alliance.web.delivery.models import Status as DeliveryStatus
from alliance.web.formats.numbers import shown_number
from alliance.web.outcome.recovery import Track

from .models import ClientSummary
from .summary import refresh_alerts

SUMS = ("_n", "_sum", "_squares", "updated_at")

PAGE_SIZE = 50
SHOWN = [  # what a row shows: the summary but its sums, and who the client and therapist are
    *(f.attname for f in ClientSummary._meta.concrete_fields if not f.name.endswith(SUMS)),
    "client__display_name",
    "therapist__username",
    "therapist__first_name",
    "therapist__last_name",
]
NULLS_LAST = {"nulls_last": True}
SORTS = {
    "alerts": (_("Alerts first"), [F("urgent_alerts").desc(), F("open_alerts").desc()]),
    "code": (_("Client"), []),
    "alliance": (_("Alliance, lowest first"), [F("alliance").asc(**NULLS_LAST)]),
    "goal": (_("Goals, lowest first"), [F("goal").asc(**NULLS_LAST)]),
    "task": (_("Tasks, lowest first"), [F("task").asc(**NULLS_LAST)]),
    "bond": (_("Bond, lowest first"), [F("bond").asc(**NULLS_LAST)]),
    "change": (_("Alliance fall, largest first"), [F("alliance_change").asc(**NULLS_LAST)]),
    "outcome": (_("Outcome, highest first"), [F("outcome").desc(**NULLS_LAST)]),
    "track": (_("Not on track first"), [F("off_track").desc(), F("outcome").desc(**NULLS_LAST)]),
    "last-session": (_("Last session, oldest first"), [F("last_session").asc(**NULLS_LAST)]),
}
STATUSES = {
    "active": (_("Active"), Q(episode_active=True)),
    "ended": (_("Ended"), Q(episode_active=False)),
    "all": (_("All clients"), Q()),
}


KIND_LABELS = {kind.value: kind.label for kind in AlertKind}
SEVERITY_LABELS = {severity.value: severity.label for severity in Severity}
DELIVERY_STATUS_LABELS = {status.value: status.label for status in DeliveryStatus}


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
            return (
                gettext("first check-in") if self.value is not None else gettext("no check-in yet")
            )
        if self.delta == 0:
            return gettext("no change")
        step = {"step": shown_number(abs(self.delta))}
        return (gettext("up %(step)s") if self.delta > 0 else gettext("down %(step)s")) % step


@dataclass(frozen=True)
class Badge:
    """An open alert as the list shows it: its severity and kind."""

    severity: str
    kind: str

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    def get_severity_display(self) -> str:
        return str(SEVERITY_LABELS.get(self.severity, ""))

    @property
    def is_urgent(self) -> bool:
        return self.severity == Severity.URGENT


@dataclass(frozen=True)
class ListedTherapist:
    username: str
    first_name: str
    last_name: str

    @property
    def display(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.username


@dataclass(frozen=True)
class ListedClient:
    """Who a row is about, as the list shows them (not the stored record)."""

    pk: int
    code: str
    display_name: str
    therapist_id: int
    therapist: ListedTherapist

    @classmethod
    def of(cls, summary: dict) -> ListedClient:
        therapist = ListedTherapist(
            summary["therapist__username"],
            summary["therapist__first_name"],
            summary["therapist__last_name"],
        )
        return cls(
            summary["client_id"],
            summary["code"],
            summary["client__display_name"],
            summary["therapist_id"],
            therapist,
        )

    @property
    def label(self) -> str:
        return f"{self.display_name} ({self.code})" if self.display_name else self.code


@dataclass(frozen=True)
class Status:
    category: str
    recovery: str


@dataclass
class Row:
    client: ListedClient
    alliance: list[Change] = field(default_factory=list)
    alliance_total: float | None = None
    outcome: float | None = None
    band: str = ""
    alerts: list[Badge] = field(default_factory=list)
    alliance_change: Change | None = None
    status: Status | None = None
    track: Track | None = None
    active: bool = True
    ended: object = None
    last_session: object = None
    checkin_status: str = ""

    @property
    def urgent(self) -> bool:
        return any(alert.is_urgent for alert in self.alerts)


@dataclass
class Listing:
    """One page of rows; whether another follows is known by asking for one row more (a total
    would make the database count every matching row on every page)."""

    rows: list[Row]
    page: int
    sort: str
    has_next: bool

    @property
    def first_shown(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1 if self.rows else 0

    @property
    def last_shown(self) -> int:
        return (self.page - 1) * PAGE_SIZE + len(self.rows)

    @property
    def paged(self) -> bool:
        return self.page > 1 or self.has_next


def summaries(
    user,
    *,
    search: str = "",
    therapist: str = "",
    status: str = "active",
    attention: bool = False,
    therapist_ids: list[int] | None = None,
    supervised: bool = False,
) -> QuerySet[ClientSummary]:
    """The summaries of the clients this user may see, filtered (no sorting, no page);
    `supervised` keeps to the clients of the therapists they supervise (the team page)."""
    found = supervised_summaries(user) if supervised else visible_summaries(user)
    if search:  # a search looks across every client, active or ended
        found = found.filter(Q(code__icontains=search) | Q(client__display_name__icontains=search))
    else:
        found = found.filter(STATUSES.get(status, STATUSES["active"])[1])
    if therapist:
        found = found.filter(therapist__username=therapist)
    if therapist_ids is not None:
        found = found.filter(therapist_id__in=therapist_ids)
    if attention:
        found = found.filter(open_alerts__gt=0)
    return found


def visible_summaries(user) -> QuerySet[ClientSummary]:
    return ClientSummary.objects.filter(client__in=visible_clients(user))


def supervised_summaries(user) -> QuerySet[ClientSummary]:
    """The summaries of the clients of the therapists this user supervises, in their clinic:
    found on the summary's own clinic and therapist (its index), and still only among the rows
    `visible_clients` gives, so a stale copied therapist can never show someone else's client."""
    therapists = supervised_therapists(user).values("pk")
    found = ClientSummary.objects.filter(clinic_id=user.clinic_id, therapist__in=therapists)
    return found.filter(client__in=visible_clients(user))


def listing(
    found: QuerySet[ClientSummary], *, sort: str, page: int, reopened: bool = False
) -> Listing:
    """One page of these summaries in this order: the page's ids, then their rows; `reopened`
    when urgent_alerts_of has just rewritten the snoozed rows of these clients."""
    sort = sort if sort in SORTS else "alerts"
    page = max(1, page)
    if not reopened:
        _reopen_snoozed(found)
    ordered = found.annotate(
        off_track=ExpressionWrapper(Q(track=NOT_ON_TRACK), output_field=BooleanField()),
    ).order_by(*SORTS[sort][1], "code", "pk")
    start = (page - 1) * PAGE_SIZE
    # the order is found on the summaries alone (no join for every matching row), then only
    # the page's rows are read in full
    ids = list(ordered.values_list("client_id", flat=True)[start : start + PAGE_SIZE + 1])
    has_next, ids = len(ids) > PAGE_SIZE, ids[:PAGE_SIZE]
    shown = ClientSummary.objects.filter(client_id__in=ids).values(*SHOWN)
    chosen = {summary["client_id"]: summary for summary in shown}
    bands: dict = {}  # each band's words looked up once for the page
    rows = [row_of(chosen[pk], bands) for pk in ids if pk in chosen]
    add_checkin_status(rows)
    return Listing(rows, page, sort, has_next)


def add_checkin_status(rows: list[Row]) -> None:
    """The status of each row's latest check-in delivery, in one query that looks up one
    delivery per row by index (after the page is cut, so never for the rows left out)."""
    if not rows:
        return
    latest = Delivery.objects.filter(session__client_id=OuterRef("pk"))
    latest = latest.order_by("-session__number", "-created_at", "-pk").values("status")[:1]
    found = Client.objects.filter(pk__in=[row.client.pk for row in rows])
    statuses = dict(found.annotate(status=Subquery(latest)).values_list("pk", "status"))
    labels = {status: str(label) for status, label in DELIVERY_STATUS_LABELS.items()}
    for row in rows:
        row.checkin_status = labels.get(statuses.get(row.client.pk), "")


def all_rows(found: QuerySet[ClientSummary]) -> list[Row]:
    """Every summary as a row (a report over one therapist's caseload), by client code."""
    bands: dict = {}
    return [row_of(summary, bands) for summary in found.order_by("code").values(*SHOWN)]


def row_of(summary: dict, bands: dict | None = None) -> Row:
    """The list's row of one summary (its SHOWN values); nothing is computed but the display.
    `bands` keeps the band words already looked up for the rows rendered with this one."""
    changes = [Change(dim, summary[dim], summary[f"{dim}_change"]) for dim in DIMENSIONS]
    category = summary["outcome_category"]
    return Row(
        client=ListedClient.of(summary),
        alliance=changes,
        alliance_total=summary["alliance"],
        outcome=summary["outcome"],
        band=_band(summary, {} if bands is None else bands),
        alerts=[Badge(severity, kind) for severity, kind in summary["alert_badges"]],
        alliance_change=Change("alliance", summary["alliance"], summary["alliance_change"]),
        status=Status(category, summary["recovery"]) if category else None,
        track=_track(summary),
        active=summary["episode_active"],
        ended=summary["episode_ended"],
        last_session=summary["last_session"],
    )


def _band(summary: dict, bands: dict) -> str:
    """The stored band ("moderate") in the page's language."""
    band, instrument = summary["outcome_band"], summary["outcome_instrument"]
    if not (band and instrument):
        return band
    if (instrument, band) not in bands:
        bands[instrument, band] = band_label(get_instrument(instrument), band)
    return bands[instrument, band]


def _track(summary: dict) -> Track | None:
    if not summary["track"]:
        return None
    return Track(
        summary["track"],
        summary["track_session"] or 0,
        summary["track_outcome"] or 0.0,
        summary["track_expected"] or 0.0,
        summary["track_lower"] or 0.0,
        summary["track_upper"] or 0.0,
        summary["track_default_curve"],
    )


URGENT_SHOWN = 10  # on top of a list; the rest are first when it is sorted by alerts


def urgent_alerts_of(user, found: QuerySet[ClientSummary]) -> tuple[list, bool]:
    """The newest open urgent alerts of these clients, and whether there are more: the summaries
    name the few clients who have one, so the alerts are looked up by client, not scanned.
    The same query names the rows whose snooze is over, which are rewritten first: call this
    before listing these clients (or some of them) with `reopened=True`."""
    now = timezone.now()
    marked = found.filter(Q(urgent_alerts__gt=0) | Q(snooze_ends__lte=now))
    marked = list(marked.values_list("client_id", "urgent_alerts", "snooze_ends"))
    snoozed = [pk for pk, _, ends in marked if ends is not None and ends <= now]
    if snoozed:
        refresh_alerts(snoozed)
        ids = list(found.filter(urgent_alerts__gt=0).values_list("client_id", flat=True))
    else:
        ids = [pk for pk, urgent, _ in marked if urgent > 0]
    # the ids come from summaries this user may see: listing every visible client again
    # (urgent_alerts' own check) would cost more than the alerts themselves
    chosen = Alert.objects.open().filter(severity=Severity.URGENT, client_id__in=ids)
    shown = list(chosen.select_related("client")[: URGENT_SHOWN + 1])
    return shown[:URGENT_SHOWN], len(shown) > URGENT_SHOWN


def _reopen_snoozed(found: QuerySet[ClientSummary]) -> None:
    """A snoozed alert counts again from the day it was snoozed to: rewrite those rows first."""
    ids = list(found.filter(snooze_ends__lte=timezone.now()).values_list("client_id", flat=True))
    if ids:
        refresh_alerts(ids)
