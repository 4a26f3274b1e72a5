"""The refit of a clinic's expected course, queued by a follow-up that found its model stale."""

from __future__ import annotations

from alliance.web.clinic.background import background_task


def _clinic(clinic_id: int, outcome: str, **kwargs) -> dict[str, int]:
    return {"clinic_id": clinic_id}


@background_task(about=_clinic)
def refit_recovery(clinic_id: int, outcome: str) -> str:
    """Fit the clinic's expected course for its current history, unless that is already cached
    (several follow-ups may queue the same refit; the first does the work)."""
    from .recovery import refit_if_stale

    return "refitted" if refit_if_stale(clinic_id, outcome) else "already current"
