"""The one query that opens a check-in link: the link with everything its page and its submit need.

Besides the link's own columns it carries its session's `client_id`, the client's `language`
and `clinic_id`, the clinic's crisis contact (`crisis`), whether answers were kept through this
link (`submitted`) or the session was answered otherwise (`answered`), the link's delivery while
it is not marked opened (`unopened_delivery`), whether the clinic imported any licensed wording
(`worded`), and the client's active goals by priority and active tasks in order of creation
(`goals`, `tasks`), which the check-in asks about.

Written as SQL: the ORM's building of this query costs several times running it, and its rows
are turned into the link here rather than through a raw queryset, which costs as much again. On
PostgreSQL the query is prepared once per connection (alliance.web.checkin.prepared): planning it
costs the server several times running it. Each row is the link with one goal (the first part: a
row even without goals, and the only part that reads the rest) or one task (the second part);
the first part's rows come first."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.db import connection

from alliance.web.clinic.models import (
    CheckinLink,
    CheckinSubmission,
    Client,
    ClinicSettings,
    Goal,
    GoalStatus,
    Respondent,
    Response,
    Session,
    Task,
    TaskStatus,
)
from alliance.web.delivery.models import Delivery
from alliance.web.wording.models import LicensedWording

from .prepared import preparing_cursor

CRISIS_FIELDS = ("id", "clinic_id", "crisis_contact_text", "crisis_contact_number")


LINK_FIELDS = CheckinLink._meta.concrete_fields
LINK = ", ".join(f"l.{field.column}" for field in LINK_FIELDS) + ", s.client_id"


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _with_it() -> list[tuple[str, str]]:
    """What the page needs besides the link, each column with its name; read in the first
    part only (the second leaves it empty). Its one parameter is the client respondent."""
    submission, response = _table(CheckinSubmission), _table(Response)
    answered = (
        f"(EXISTS (SELECT 1 FROM {submission} WHERE session_id = l.session_id) "
        f"OR EXISTS (SELECT 1 FROM {response} WHERE session_id = l.session_id "
        "AND respondent = %s))"
    )
    worded = f"EXISTS (SELECT 1 FROM {_table(LicensedWording)} WHERE clinic_id = c.clinic_id)"
    return [
        ("c.language", "language"),
        ("c.clinic_id", "clinic_id"),
        ("cs.id", "settings_id"),
        ("cs.crisis_contact_text", "crisis_contact_text"),
        ("cs.crisis_contact_number", "crisis_contact_number"),
        (f"EXISTS (SELECT 1 FROM {submission} WHERE link_id = l.id)", "submitted"),
        (answered, "answered"),
        ("CASE WHEN d.opened_at IS NULL THEN d.id END", "unopened_delivery"),
        (worded, "worded"),
    ]


ASKED_GOAL = (
    "'goal' AS asked, g.priority AS asked_order, g.id AS asked_id, g.text AS asked_text, "
    "'' AS asked_why, '' AS asked_kind"
)
ASKED_TASK = "'task', 0, t.id, t.description, t.rationale, t.kind"


@cache
def _sql(vendor: str) -> str:
    """The query, built once per process and database vendor (their quoting differs)."""
    with_it = _with_it()
    named = ", ".join(f"{column} AS {name}" for column, name in with_it)
    left_empty = ", ".join(["NULL"] * len(with_it))
    link = f"FROM {_table(CheckinLink)} l JOIN {_table(Session)} s ON s.id = l.session_id"
    return (
        f"SELECT {LINK}, {named}, {ASKED_GOAL} {link} "
        f"JOIN {_table(Client)} c ON c.id = s.client_id "
        f"LEFT JOIN {_table(ClinicSettings)} cs ON cs.clinic_id = c.clinic_id "
        f"LEFT JOIN {_table(Delivery)} d ON d.link_id = l.id "
        f"LEFT JOIN {_table(Goal)} g ON g.client_id = s.client_id AND g.status = %s "
        "WHERE l.token_hash = %s UNION ALL "
        f"SELECT {LINK}, {left_empty}, {ASKED_TASK} {link} "
        f"JOIN {_table(Task)} t ON t.client_id = s.client_id AND t.status = %s "
        "WHERE l.token_hash = %s ORDER BY asked, asked_order, asked_id"
    )


def read_link(token_hash: str) -> CheckinLink | None:
    """The link with this token hash, carrying the columns above; None when there is none."""
    goals = [Respondent.CLIENT, GoalStatus.ACTIVE, token_hash]
    tasks = [TaskStatus.ACTIVE, token_hash]
    with preparing_cursor() as cursor:
        cursor.execute(_sql(connection.vendor), [*goals, *tasks])
        rows = cursor.fetchall()
    if not rows:
        return None
    link = _link(rows[0])
    link.crisis = _crisis_contact(link)
    asked = [_Asked(*row[-len(ASKED) :], client_id=link.client_id) for row in rows]
    link.goals = [a.goal() for a in asked if a.kind == "goal" and a.id is not None]
    link.tasks = [a.task() for a in asked if a.kind == "task"]
    return link


def _link(row: tuple) -> CheckinLink:
    """The link of the first row, with the columns read besides its own as attributes."""
    n_own, names = len(LINK_FIELDS), _extra_names()
    own = [_from_db(field, value) for field, value in zip(LINK_FIELDS, row[:n_own], strict=True)]
    link = CheckinLink.from_db(connection.alias, [f.attname for f in LINK_FIELDS], own)
    link.client_id = row[n_own]
    extras = row[n_own + 1 : n_own + 1 + len(names)]
    for name, value in zip(names, extras, strict=True):
        setattr(link, name, value)
    return link


@cache
def _extra_names() -> tuple[str, ...]:
    return tuple(name for _, name in _with_it())


def _from_db(field, value):
    """The value as the model holds it (the database backend's and the field's converters)."""
    column = field.get_col(CheckinLink._meta.db_table)
    converters = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
    for convert in converters:
        value = convert(value, column, connection)
    return value


ASKED = ("kind", "order", "id", "text", "why", "what")


@dataclass(frozen=True)
class _Asked:
    """One goal or task the check-in asks about, as the query's last columns give it."""

    kind: str
    order: int
    id: int | None
    text: str
    why: str
    what: str
    client_id: int

    def goal(self) -> Goal:
        return Goal(pk=self.id, client_id=self.client_id, text=self.text)

    def task(self) -> Task:
        return Task(
            pk=self.id,
            client_id=self.client_id,
            description=self.text,
            rationale=self.why,
            kind=self.what,
        )


def _crisis_contact(link: CheckinLink) -> ClinicSettings:
    """The clinic's settings holding its crisis contact (only those fields are read)."""
    if link.settings_id is None:  # a clinic whose settings were never written
        return ClinicSettings.for_clinic(link.clinic_id)
    values = [
        link.settings_id,
        link.clinic_id,
        link.crisis_contact_text,
        link.crisis_contact_number,
    ]
    return ClinicSettings.from_db(connection.alias, CRISIS_FIELDS, values)
