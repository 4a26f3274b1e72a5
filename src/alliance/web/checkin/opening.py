"""The one query that opens a check-in link: the link with what its page and its submit need.

Besides the link's own columns a row carries its session's `client_id`, the client's `language`
and `clinic_id`, the clinic's crisis contact, whether answers were kept through this link
(`submitted`) or the session was answered otherwise (`answered`), the link's delivery when it is
not marked opened yet (`unopened_delivery`) and whether the clinic imported any licensed wording
(`worded`). Written as SQL: the ORM's building of this query costs several times running it."""

from __future__ import annotations

from functools import cache

from django.db import connection

from alliance.web.clinic.models import (
    CheckinLink,
    CheckinSubmission,
    Client,
    ClinicSettings,
    Respondent,
    Response,
    Session,
)
from alliance.web.delivery.models import Delivery
from alliance.web.wording.models import LicensedWording

CRISIS_FIELDS = ("id", "clinic_id", "crisis_contact_text", "crisis_contact_number")


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


@cache
def _sql(vendor: str) -> str:
    """The query, built once per process and database vendor (quoting differs)."""
    submission, response = _table(CheckinSubmission), _table(Response)
    return (
        "SELECT l.id, l.session_id, l.token_hash, l.instruments, l.created_by_id, l.created_at, "
        "l.expires_at, l.used_at, s.client_id, c.language, c.clinic_id, "
        "cs.id AS settings_id, cs.crisis_contact_text, cs.crisis_contact_number, "
        f"EXISTS (SELECT 1 FROM {submission} WHERE link_id = l.id) AS submitted, "
        f"(EXISTS (SELECT 1 FROM {submission} WHERE session_id = l.session_id) "
        f"OR EXISTS (SELECT 1 FROM {response} WHERE session_id = l.session_id "
        "AND respondent = %s)) AS answered, "
        "CASE WHEN d.opened_at IS NULL THEN d.id END AS unopened_delivery, "
        f"EXISTS (SELECT 1 FROM {_table(LicensedWording)} WHERE clinic_id = c.clinic_id) "
        "AS worded "
        f"FROM {_table(CheckinLink)} l "
        f"JOIN {_table(Session)} s ON s.id = l.session_id "
        f"JOIN {_table(Client)} c ON c.id = s.client_id "
        f"LEFT JOIN {_table(ClinicSettings)} cs ON cs.clinic_id = c.clinic_id "
        f"LEFT JOIN {_table(Delivery)} d ON d.link_id = l.id "
        "WHERE l.token_hash = %s"
    )


def read_link(token_hash: str) -> CheckinLink | None:
    """The link with this token hash, carrying the columns above; None when there is none."""
    rows = CheckinLink.objects.raw(_sql(connection.vendor), [Respondent.CLIENT, token_hash])
    link = next(iter(rows), None)
    if link is not None:
        link.crisis = _crisis_contact(link)
    return link


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
