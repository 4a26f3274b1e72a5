"""Bearer-token authentication: who is calling, whether the token may write, and how often."""

from __future__ import annotations

from ninja.errors import HttpError
from ninja.security import HttpBearer

from .errors import SEND_HEADER
from .ratelimit import check_rate
from .tokens import find_usable, mark_used

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def authenticate(request, token: str):
    """The usable token, set on the request with its staff member as `request.user`; an
    HttpError (401, 403) or RateLimited otherwise."""
    found = find_usable(token.strip())
    if found is None:
        raise HttpError(401, "Authorization: the token is unknown, expired or revoked")
    if found.read_only and request.method not in SAFE_METHODS:
        raise HttpError(403, "Authorization: this token is read-only and cannot change data")
    check_rate(found)
    mark_used(found)
    request.user = found.user
    request.api_token = found
    return found


def bearer_token(request) -> str:
    """The token of an `Authorization: Bearer TOKEN` header; 401 without one."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HttpError(401, SEND_HEADER)
    return token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer TOKEN`; the request then acts as the token's staff member."""

    def authenticate(self, request, token: str):
        return authenticate(request, token)
