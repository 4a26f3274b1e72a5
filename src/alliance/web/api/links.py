"""Addresses of API resources, for the `url` of each record and the webhooks' payloads."""

from __future__ import annotations

from django.conf import settings

ROOT = "/api/v1"


def absolute(path: str) -> str:
    """The path on the configured public base (ALLIANCE_API_BASE_URL), else as it is."""
    return settings.API_BASE_URL.rstrip("/") + path


def client_url(code: str) -> str:
    return absolute(f"{ROOT}/clients/{code}")


def session_url(code: str, number: int) -> str:
    return absolute(f"{ROOT}/clients/{code}/sessions/{number}")


def alert_url(pk: int) -> str:
    return absolute(f"{ROOT}/alerts/{pk}")


def rupture_url(pk: int) -> str:
    return absolute(f"{ROOT}/ruptures/{pk}")
