"""Put a check-in message on its way by the delivery's channel; errors name no address."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import formats, timezone
from django.utils.translation import gettext

from alliance.web.clinic.languages import shown_in

from .backends.sms import SmsError, sms_backend
from .contacts import stored_contact
from .messages import checkin_message, sms_text
from .models import Channel, Delivery, DeliverySettings
from .tokens import checkin_url


class SendError(Exception):
    def __init__(self, reason: str, *, permanent: bool):
        super().__init__(reason)
        self.reason, self.permanent = reason, permanent


def send_checkin(delivery: Delivery, *, reminder: bool) -> None:
    """Send the check-in's message in the client's language."""
    client = delivery.session.client
    address = stored_contact(client).address_for(delivery.channel)
    if not address:
        raise SendError(f"the client has no address for {delivery.channel}", permanent=True)
    with shown_in(client.language):
        _send(delivery, address, reminder=reminder)


def _send(delivery: Delivery, address: str, *, reminder: bool) -> None:
    client = delivery.session.client
    values = _values(delivery)
    wording = DeliverySettings.for_clinic(client.clinic_id)
    if delivery.channel == Channel.SMS:
        _send_sms(address, sms_text(wording, **values))
    else:
        message = checkin_message(wording, reminder=reminder, **values)
        send_email(address, message.subject, message.body)


def _values(delivery: Delivery) -> dict[str, str]:
    expires = timezone.localtime(delivery.link.expires_at)
    return {
        "clinic": delivery.session.client.clinic.name,
        "link": checkin_url(delivery.seed),
        # the format itself is translated: "5 March 2026, 17:00", "5 de marzo de 2026, 17:00"
        "expires": formats.date_format(expires, gettext("j F Y, H:i")),
    }


def send_email(to: str, subject: str, body: str) -> None:
    """One plain-text email through Django's email framework."""
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        permanent = all(code >= 500 for code, _ in error.recipients.values())
        raise SendError("the mail server refused the address", permanent=permanent) from None
    except smtplib.SMTPResponseException as error:
        permanent = 500 <= error.smtp_code < 600
        raise SendError(f"the mail server said {error.smtp_code}", permanent=permanent) from None
    except (smtplib.SMTPException, OSError) as error:
        reason = f"mail server unreachable ({type(error).__name__})"
        raise SendError(reason, permanent=False) from None


def _send_sms(to: str, body: str) -> None:
    try:
        sms_backend().send(to, body)
    except SmsError as error:
        raise SendError(error.reason, permanent=error.permanent) from None
