"""What the therapist sees of each check-in on its way: the latest delivery per session."""

from __future__ import annotations

from alliance.web.clinic.models import CheckinSubmission
from alliance.web.followup.models import PendingFollowUp

from .failures import blank_addresses
from .models import Contact, Delivery, Preference, Status


def session_deliveries(client) -> dict[int, Delivery]:
    """The latest delivery of each of the client's sessions, by session id (one query)."""
    latest: dict[int, Delivery] = {}
    for delivery in Delivery.objects.filter(session__client=client).order_by("-created_at", "-pk"):
        latest.setdefault(delivery.session_id, delivery)
    return latest


def latest_by_client(client_ids) -> dict[int, Delivery]:
    """Each client's latest check-in delivery (one query), for the caseload."""
    latest: dict[int, Delivery] = {}
    found = Delivery.objects.filter(session__client_id__in=list(client_ids)).select_related(
        "session"
    )
    for delivery in found.order_by("-session__number", "-created_at", "-pk"):
        latest.setdefault(delivery.session.client_id, delivery)
    return latest


def shown_status(delivery: Delivery | None, answered: bool) -> str:
    """The status word for a session: answered as soon as the answers are in."""
    if answered:
        return Status.ANSWERED.label
    return delivery.get_status_display() if delivery else ""


def delivery_context(client, is_own: bool) -> dict:
    """What the client page adds: the contact (own therapist only) and the latest deliveries."""
    contact = Contact.objects.filter(client=client).first() if is_own else None
    return {
        "contact": contact,
        "deliveries": session_deliveries(client),
        "delivery_choices": Preference.choices,
        "follow_up_failures": follow_up_failures(client),
    }


def follow_up_failures(client) -> dict[int, str]:
    """{session id: why} for the sessions whose answers arrived but whose follow-up failed (it
    is tried again by itself); two queries."""
    failed = {
        session_id: "the answers are kept but could not be stored yet"
        for session_id in CheckinSubmission.objects.filter(
            client=client, stored_at__isnull=True, failed_attempts__gt=0
        ).values_list("session_id", flat=True)
    }
    for session_id, error in PendingFollowUp.objects.filter(
        client=client, failed_attempts__gt=0
    ).values_list("session_id", "last_error"):
        failed.setdefault(session_id, f"the analysis failed: {blank_addresses(error)}")
    return failed


def add_checkin_status(rows) -> None:
    """Give each caseload row the status of the client's latest check-in (one query)."""
    latest = latest_by_client(row.client.pk for row in rows)
    for row in rows:
        found = latest.get(row.client.pk)
        row.checkin_status = found.get_status_display() if found else ""
