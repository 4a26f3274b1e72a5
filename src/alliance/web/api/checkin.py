"""Create a check-in link through the API: shown once with `send` "none", else sent to the
client by the delivery module and never shown."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from ninja import Status

from alliance.web.checkin.links import create_link
from alliance.web.delivery.services import send_checkin

from .errors import Conflict
from .writing import refused_as_422


def create_checkin_link(request, session, send: str):
    """201 with the URL for "none"; 202 once a send by email or SMS is under way."""
    if session.checkin_stored:
        raise Conflict("session: the client's check-in of this session is already stored")
    if send == "none":
        link, token = create_link(session, by=request.user)
        url = _public_url(request, reverse("checkin", args=[token]))
        return Status(201, _record(link, send, url=url))
    with refused_as_422({"channel": "send"}):
        delivery = send_checkin(session, channel=send, actor=request.user)
    return Status(202, _record(delivery.link, send, url=None))


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
