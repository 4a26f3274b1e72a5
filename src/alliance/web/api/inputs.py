"""What the API accepts; unknown fields are refused so that a typo is never silently ignored."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Schema
from pydantic import AfterValidator, ConfigDict, StringConstraints


def _printable(value: str) -> str:
    if any(ord(char) < 32 and char not in "\t" for char in value):
        raise ValueError("must not contain control characters or line breaks")
    return value


def text(max_length: int):
    """A one-line text field of at most `max_length` characters."""
    return Annotated[
        str,
        StringConstraints(max_length=max_length, strip_whitespace=True),
        AfterValidator(_printable),
    ]


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class ClientPatch(Strict):
    display_name: text(100) | None = None
    email: text(254) | None = None
    mobile: text(32) | None = None
    delivery: Literal["none", "email", "sms"] | None = None
    language: str | None = None  # checked against the LANGUAGES setting when applied


class SessionIn(Strict):
    date: dt.date
    attendance: Literal["attended", "cancelled", "no-show"] = "attended"


class CheckinLinkIn(Strict):
    send: Literal["none", "email", "sms"] = "none"
