"""Issue, find and revoke personal API tokens; a token is shown once and never stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from .models import ApiToken

TOKEN_PREFIX = "alliance_"


class TokenError(ValueError):
    """A token request that cannot be honoured; the message names the field and the problem."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(
    user, *, name: str = "", expires_days: int | None = None, read_only: bool = False
) -> tuple[ApiToken, str]:
    """A new token for this staff member; the plain token is returned once."""
    _check_request(user, name, expires_days)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    found = ApiToken.objects.create(
        user=user,
        name=name,
        token_hash=hash_token(token),
        prefix=token[: len(TOKEN_PREFIX) + 4],
        read_only=read_only,
        created_at=now,
        expires_at=now + dt.timedelta(days=expires_days) if expires_days else None,
    )
    return found, token


def _check_request(user, name: str, expires_days: int | None) -> None:
    if not (user.is_active and user.clinic_id):
        raise TokenError(f"user: {user.username} is not an active member of a clinic")
    if len(name) > 100:
        raise TokenError("name: use at most 100 characters")
    if expires_days is not None and not 1 <= expires_days <= 3650:
        raise TokenError("expires-days: use a whole number of days from 1 to 3650")


def find_usable(token: str) -> ApiToken | None:
    """The usable token with this value, with its user, or None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    found = ApiToken.objects.usable().select_related("user").filter(token_hash=hash_token(token))
    return found.first()


def revoke(token: ApiToken) -> bool:
    """Revoke the token; False when it was already revoked."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return True


def mark_used(token: ApiToken) -> None:
    """Note the last use, at most once a minute, so reads do not each write a row."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
