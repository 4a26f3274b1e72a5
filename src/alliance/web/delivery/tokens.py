"""The token of a sent link, derived from the delivery's seed and the server's secret key.

The reminder must carry the same link as the first message, yet the database keeps only the
token's hash (so a copy of it cannot answer for a client): the token is recomputed from a random
seed stored with the delivery and the secret key, which the database never holds.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from django.conf import settings
from django.urls import reverse

PURPOSE = b"alliance.delivery.checkin-link:"


def token_for(seed: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), PURPOSE + seed.encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def public_url(path: str) -> str:
    """An address the client can open, from ALLIANCE_CHECKIN_BASE_URL (or the first host)."""
    base = settings.CHECKIN_BASE_URL or f"http://{settings.ALLOWED_HOSTS[0]}"
    return base.rstrip("/") + path


def checkin_url(seed: str) -> str:
    return public_url(reverse("checkin", args=[token_for(seed)]))
