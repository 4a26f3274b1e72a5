"""Placing a clinic's clients again on a refitted expected course, off the request."""

from __future__ import annotations

from alliance.web.clinic.background import background_task

from .summary import replace_stale_tracks


@background_task()
def replace_tracks(clinic_id: int) -> int:
    """Idempotent: a second run finds nothing stale."""
    return replace_stale_tracks(clinic_id)
