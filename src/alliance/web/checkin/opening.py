"""The one query that opens a check-in link: the link with everything its page and its submit need.

Besides the link's own columns it carries its session's `client_id`, the client's `language`
and `clinic_id`, the clinic's crisis contact (`crisis`), whether answers were kept through this
link (`submitted`) or the session was answered otherwise (`answered`), the link's delivery while
it is not marked opened (`unopened_delivery`), whether the clinic imported any licensed wording
(`worded`), and the client's active goals by priority and active tasks in order of creation
(`goals`, `tasks`), which the check-in asks about.

Written as SQL: the ORM's building of this query costs several times running it. Each row is
the link with one goal (the first part: a row even without goals, and the only part that reads
the rest) or one task (the second part); the first part's rows come first."""

from __future__ import annotations

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

CRISIS_FIELDS = ("id", "clinic_id", "crisis_contact_text", "crisis_contact_number")


LINK = (
    "l.id, l.session_id, l.token_hash, l.instruments, l.created_by_id, l.created_at, "
    "l.expires_at, l.used_at, s.client_id"
)


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
    rows = list(CheckinLink.objects.raw(_sql(connection.vendor), [*goals, *tasks]))
    if not rows:
        return None
    link = rows[0]
    link.crisis = _crisis_contact(link)
    link.goals = [_goal(row) for row in rows if row.asked == "goal" and row.asked_id is not None]
    link.tasks = [_task(row) for row in rows if row.asked == "task"]
    return link


def _goal(row: CheckinLink) -> Goal:
    return Goal(pk=row.asked_id, client_id=row.client_id, text=row.asked_text)


def _task(row: CheckinLink) -> Task:
    return Task(
        pk=row.asked_id,
        client_id=row.client_id,
        description=row.asked_text,
        rationale=row.asked_why,
        kind=row.asked_kind,
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
