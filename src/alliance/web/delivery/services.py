"""The public face of delivery, for the client page and the REST API; signatures are stable.

- `set_contact(client, *, email=None, mobile=None, delivery=None, actor)`: change what is given
  (None leaves a field as it is, "" clears it); a bad value raises ValidationError naming the
  field (`email`, `mobile` or `delivery`) and stores nothing.
- `contact_of(client)`: the client's `Contact` (unsaved and empty when none was set). Only the
  client's own therapist may be shown it; callers check that (`access.get_own_client`).
- `send_checkin(session, *, channel, actor)`: a new link for the session sent now by `channel`
  (`email` or `sms`); earlier links of the session stop working. Returns the `Delivery`, whose
  `link` is the new link and whose `url` is the address sent. Raises ValidationError naming
  `channel` (unknown, or no address for it) or `session` (already answered, not attended).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alliance.web.clinic.audit import record
from alliance.web.clinic.models import Client, Session

from . import sending
from .contacts import checked_preference, normalise_email, normalise_mobile, stored_contact
from .models import Channel, Contact, Delivery

__all__ = ["contact_of", "send_checkin", "set_contact"]


def contact_of(client: Client) -> Contact:
    return stored_contact(client)


@transaction.atomic
def set_contact(
    client: Client,
    *,
    email: str | None = None,
    mobile: str | None = None,
    delivery: str | None = None,
    actor,
) -> Contact:
    contact = stored_contact(client)
    email = contact.email if email is None else normalise_email(email)
    mobile = contact.mobile if mobile is None else normalise_mobile(mobile)
    delivery = checked_preference(contact.delivery if delivery is None else delivery, email, mobile)
    contact.email, contact.mobile, contact.delivery = email, mobile, delivery
    contact.updated_at = timezone.now()
    contact.save()
    record(actor, client, "contact-changed", contact)
    return contact


def send_checkin(session: Session, *, channel: str, actor) -> Delivery:
    if channel not in (Channel.EMAIL, Channel.SMS):
        raise ValidationError({"channel": f"use 'email' or 'sms', not {channel!r}"})
    if not contact_of(session.client).address_for(channel):
        what = "an email address" if channel == Channel.EMAIL else "a mobile number"
        raise ValidationError({"channel": f"the client has no {what}"})
    return sending.send_now(session, channel=channel, actor=actor)
