"""The words sent to clients and staff: the clinic's own wording, or the shipped default.

Wording uses `$clinic`, `$link` and `$expires` (and `$count` in the digest); nothing clinical is
ever put in a message. A clinic's text is checked when saved: unknown names are refused and the
check-in messages must contain `$link`. The shipped defaults are translated: a message to a client
is written in the client's language (the caller activates it); a clinic's own text is sent as
the clinic wrote it.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.loader import get_template

CLIENT_NAMES = {"clinic", "link", "expires"}
# field of DeliverySettings -> the template shipped as its default
DEFAULTS = {
    "email_subject": "delivery/messages/checkin_subject.txt",
    "email_body": "delivery/messages/checkin_email.txt",
    "reminder_body": "delivery/messages/reminder_email.txt",
    "sms_body": "delivery/messages/checkin_sms.txt",
}


@dataclass(frozen=True)
class Message:
    subject: str
    body: str


def default_text(field: str) -> str:
    """The shipped wording in the active language."""
    return get_template(DEFAULTS[field]).render({}).strip()


def wording(settings, field: str) -> str:
    return (getattr(settings, field, "") or "").strip() or default_text(field)


def fill(text: str, **values: str) -> str:
    return string.Template(text).safe_substitute(values)


def check_wording(field: str, text: str) -> None:
    """Refuse a clinic's wording with an unknown name, or a check-in message without the link."""
    if not text.strip():
        return
    template = string.Template(text)
    if not template.is_valid():
        raise ValidationError({field: "a $ must start a name; write $$ for a dollar sign"})
    names = set(template.get_identifiers())
    unknown = sorted(names - CLIENT_NAMES)
    if unknown:
        allowed = ", ".join(f"${n}" for n in sorted(CLIENT_NAMES))
        raise ValidationError({field: f"unknown ${unknown[0]}; use {allowed}"})
    if field != "email_subject" and "link" not in names:
        raise ValidationError({field: "the message must contain $link"})


def checkin_message(settings, *, clinic: str, link: str, expires: str, reminder: bool) -> Message:
    values = {"clinic": clinic, "link": link, "expires": expires}
    body_field = "reminder_body" if reminder else "email_body"
    return Message(
        subject=fill(wording(settings, "email_subject"), **values),
        body=fill(wording(settings, body_field), **values),
    )


def sms_text(settings, *, clinic: str, link: str, expires: str) -> str:
    return fill(wording(settings, "sms_body"), clinic=clinic, link=link, expires=expires)
