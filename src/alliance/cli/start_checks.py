"""What `alliance serve` refuses to start with: each problem names its variable and the fix."""

from __future__ import annotations

from collections.abc import Mapping

MIN_SECRET_LENGTH = 50
NEW_SECRET = "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`"


def start_problems(environ: Mapping[str, str]) -> list[str]:
    """Every reason these settings are unsafe for a clinic, or none."""
    return [
        problem for problem in (_secret_key(environ), _debug(environ), _https(environ)) if problem
    ]


def _secret_key(environ: Mapping[str, str]) -> str:
    key = environ.get("ALLIANCE_SECRET_KEY", "")
    if not key:
        return f"ALLIANCE_SECRET_KEY is not set: generate one with {NEW_SECRET} and keep it secret"
    if len(key) < MIN_SECRET_LENGTH:
        return (
            f"ALLIANCE_SECRET_KEY is {len(key)} characters; use at least {MIN_SECRET_LENGTH} "
            f"(generate one with {NEW_SECRET})"
        )
    return ""


def _debug(environ: Mapping[str, str]) -> str:
    if environ.get("ALLIANCE_DEBUG", "").lower() == "true":
        return "ALLIANCE_DEBUG=true shows code and settings to anyone on an error; unset it"
    return ""


def _https(environ: Mapping[str, str]) -> str:
    value = environ.get("ALLIANCE_HTTPS", "").lower()
    if value in ("true", "false"):
        return ""  # "false" is the documented choice for a proxy that does all of TLS itself
    return (
        "ALLIANCE_HTTPS is not set: set ALLIANCE_HTTPS=true (secure cookies, HSTS, redirect to "
        "HTTPS), or ALLIANCE_HTTPS=false only behind a TLS-terminating proxy that redirects to "
        "HTTPS and sets HSTS itself (see the deployment docs)"
    )
