"""Kiosk mode: a clinic device, signed in as a kiosk account, opens a check-in by a short code.

A code is 6 characters, works once and for 15 minutes. Wrong codes are counted per device and
per code typed: a device with 5 wrong codes in 10 minutes, or a code tried 3 times, is refused
until the window has passed. A kiosk account may open /kiosk/ and log out, nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext

from alliance.web.clinic.models.record import CODE_ALPHABET

from . import sending
from .hooks import KIOSK_SESSION_KEY
from .models import Channel, Delivery, KioskAttempt, KioskCode, KioskDevice, Status

CODE_LENGTH = 6
CODE_LIFETIME = dt.timedelta(minutes=15)
IDLE_SECONDS = 120
WINDOW = dt.timedelta(minutes=10)
DEVICE_FAILURES, CODE_FAILURES = 5, 3
KIOSK_PATHS = ("/kiosk/", "/logout/", "/static/")


class KioskRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def code_hash(code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"alliance.kiosk:" + code.encode(), hashlib.sha256).hexdigest()


def normalised(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def issue_code(session, *, actor) -> tuple[Delivery, str, KioskCode]:
    """A new link for the session (earlier ones stop working) and a code that opens it."""
    delivery = sending.send_now(session, channel=Channel.KIOSK, actor=actor)
    now = timezone.now()
    Delivery.objects.filter(pk=delivery.pk).update(status=Status.SENT, sent_at=now)
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not KioskCode.objects.filter(code_hash=code_hash(code)).exists():
            break
    kiosk_code = KioskCode.objects.create(
        delivery=delivery, code_hash=code_hash(code), expires_at=now + CODE_LIFETIME
    )
    from . import queue

    queue.expire(delivery, delivery.link.expires_at)
    return delivery, code, kiosk_code


def redeem_code(device: KioskDevice, typed: str) -> Delivery:
    """The check-in this code opens at this device, used up; or KioskRefused."""
    code = normalised(typed)
    hashed = code_hash(code)
    _check_rate(device, hashed)
    with transaction.atomic():
        found = _usable(device, hashed)
        KioskAttempt.objects.create(device=device, code_hash=hashed, succeeded=found is not None)
        if found is not None:
            found.used_at = timezone.now()
            found.save(update_fields=["used_at"])
    if found is None:  # the failed attempt stays counted
        raise KioskRefused(gettext("That code is not valid. Check it with your therapist."))
    return found.delivery


def _check_rate(device: KioskDevice, hashed: str) -> None:
    since = timezone.now() - WINDOW
    failures = KioskAttempt.objects.filter(at__gte=since, succeeded=False)
    if failures.filter(device=device).count() >= DEVICE_FAILURES:
        raise KioskRefused(
            gettext("Too many wrong codes on this device. Ask the reception for help.")
        )
    if failures.filter(code_hash=hashed).count() >= CODE_FAILURES:
        raise KioskRefused(
            gettext("That code has been tried too often. Ask your therapist for a new one.")
        )


def _usable(device: KioskDevice, hashed: str) -> KioskCode | None:
    return (
        KioskCode.objects.select_for_update()
        .select_related("delivery")
        .filter(
            code_hash=hashed,
            used_at__isnull=True,
            expires_at__gt=timezone.now(),
            delivery__session__client__clinic_id=device.user.clinic_id,
        )
        .first()
    )


def device_of(request) -> KioskDevice | None:
    if not request.user.is_authenticated or KIOSK_SESSION_KEY not in request.session:
        return None
    return KioskDevice.objects.filter(user=request.user).first()


class KioskOnlyMiddleware:
    """A kiosk account is sent back to /kiosk/ from anywhere else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_kiosk = getattr(request, "session", None) and KIOSK_SESSION_KEY in request.session
        if is_kiosk and not request.path.startswith(KIOSK_PATHS):
            return redirect("kiosk")
        return self.get_response(request)


def kiosk_page(request) -> dict:
    """Template context: pages under /kiosk/ load the idle timer."""
    return {"kiosk_idle_seconds": IDLE_SECONDS if request.path.startswith("/kiosk/") else None}
