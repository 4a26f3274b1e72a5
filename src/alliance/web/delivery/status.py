"""What the therapist sees of each check-in on its way: the latest delivery per session."""

from __future__ import annotations

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
    }


def add_checkin_status(rows) -> None:
    """Give each caseload row the status of the client's latest check-in (one query)."""
    latest = latest_by_client(row.client.pk for row in rows)
    for row in rows:
        found = latest.get(row.client.pk)
        row.checkin_status = found.get_status_display() if found else ""
