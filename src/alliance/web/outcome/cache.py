"""Models fitted on a clinic's own history, kept in Django's cache under a history version.

The version changes when an episode ends or every REFIT_EVERY new outcome scores, so a page
asks one small counting query and refits only when the history has moved on; between those
moments every request reuses the fitted model. A shared cache backend shares it across workers.
The follow-up never refits in line: it uses the clinic's latest model and queues the refit as a
task of its own (alliance.web.outcome.tasks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery

from alliance.web.accounts.models import Clinic
from alliance.web.clinic.instruments import for_clinic
from alliance.web.clinic.models import Episode, Respondent, Response
from alliance.web.followup.context import remembered

REFIT_EVERY = 25  # new outcome scores before the model is refitted
KEEP_SECONDS = 24 * 3600
Fitted = TypeVar("Fitted")


def _count(queryset) -> Subquery:
    counted = queryset.values("client__clinic").annotate(n=Count("pk")).values("n")
    return Subquery(counted, output_field=IntegerField())


def history_version(clinic_id: int, outcome: str | None = None) -> tuple[int, int]:
    """(ended episodes, outcome scores // REFIT_EVERY) of the clinic, in one query (and one
    more for the clinic's outcome instrument when `outcome` is not given); asked once per
    clinic in a follow-up's analysis (alliance.web.followup.context.remembering)."""
    outcome = outcome or for_clinic(clinic_id).outcome
    key = ("history-version", clinic_id, outcome)
    return remembered(key, lambda: _history_version(clinic_id, outcome))


def _history_version(clinic_id: int, outcome: str) -> tuple[int, int]:
    mine = Q(client__clinic=OuterRef("pk"))
    counts = Clinic.objects.filter(pk=clinic_id).annotate(
        ended=_count(Episode.objects.filter(mine, ended__isnull=False)),
        scores=_count(
            Response.objects.filter(mine, instrument=outcome, respondent=Respondent.CLIENT)
        ),
    ).values_list("ended", "scores").first() or (0, 0)
    return counts[0] or 0, (counts[1] or 0) // REFIT_EVERY


def _key(kind: str, clinic_id: int, version: tuple[int, int]) -> str:
    return f"alliance:{kind}:{clinic_id}:{version[0]}:{version[1]}"


def _newest_key(kind: str, clinic_id: int) -> str:
    return f"alliance:{kind}:{clinic_id}:newest"  # (version, model)


def fitted(
    kind: str, clinic_id: int, fit: Callable[[], Fitted], version: tuple[int, int] | None = None
) -> Fitted:
    """The clinic's model of this kind for the current history version, fitting it if needed."""
    version = version if version is not None else history_version(clinic_id)
    model = cache.get(_key(kind, clinic_id, version))
    if model is None:
        model = fit()
        keep(kind, clinic_id, version, model)
    return model


def cached(kind: str, clinic_id: int, version: tuple[int, int]) -> bool:
    return cache.get(_key(kind, clinic_id, version)) is not None


def claim_refit(kind: str, clinic_id: int, version: tuple[int, int]) -> bool:
    """True the first time a refit of this version is asked for (so it is queued once)."""
    return cache.add(_key(kind, clinic_id, version) + ":refit-queued", True, KEEP_SECONDS)


def keep(kind: str, clinic_id: int, version: tuple[int, int], model: object) -> None:
    """Cache a fitted model under its version, and as the clinic's latest of its kind (with the
    version it was fitted on)."""
    newest = (version, model)
    cache.set_many(
        {_key(kind, clinic_id, version): model, _newest_key(kind, clinic_id): newest}, KEEP_SECONDS
    )


def fitted_or_latest(
    kind: str, clinic_id: int, version: tuple[int, int], fit: Callable[[], Fitted]
) -> tuple[Fitted, tuple[int, int]]:
    """(model, the history version it was fitted on): the model of this version if cached, else
    the clinic's latest one, of an older version (the caller queues the refit), else one fitted
    now. The model is refitted only every REFIT_EVERY scores, so the latest one is what the
    clinic had until a moment ago."""
    found = cache.get_many([_key(kind, clinic_id, version), _newest_key(kind, clinic_id)])
    current = found.get(_key(kind, clinic_id, version))
    if current is not None:
        return current, version
    newest = found.get(_newest_key(kind, clinic_id))
    if newest is not None:
        return newest[1], newest[0]
    model = fit()
    keep(kind, clinic_id, version, model)
    return model, version
