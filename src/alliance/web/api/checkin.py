"""Create a check-in link through the API: shown once, or sent and never shown."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from ninja import Status

from alliance.web.checkin.links import create_link

from .errors import Conflict, Invalid


def create_checkin_link(request, session, send: str):
    """(status, record) of a new link for this session."""
    if session.checkin_stored:
        raise Conflict("session: the client's check-in of this session is already stored")
    if send != "none":
        raise Invalid("send", f"sending by {send} is not available on this server yet")
    link, token = create_link(session, by=request.user)
    url = _public_url(request, reverse("checkin", args=[token]))
    return Status(201, _record(link, send, url=url))


def _record(link, send: str, *, url: str | None) -> dict:
    return {
        "session": link.session.number,
        "send": send,
        "expires_at": link.expires_at,
        "url": url,
        "instruments": link.instruments,
    }


def _public_url(request, path: str) -> str:
    """The address the client opens: the configured public base, else this request's host."""
    base = settings.CHECKIN_BASE_URL
    return base.rstrip("/") + path if base else request.build_absolute_uri(path)
