"""The signature of a delivery: HMAC-SHA256 of the raw body with the endpoint's secret.

Header: `X-Alliance-Signature: sha256=<hex digest>`. A receiver computes the same over the bytes
it received and compares in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

HEADER = "X-Alliance-Signature"
SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str) -> bool:
    return hmac.compare_digest(signature(secret, body), header or "")
