"""Models fitted on a clinic's own history, kept in Django's cache under a history version.

The version changes when an episode ends or every REFIT_EVERY new outcome scores, so a page
asks one small counting query and refits only when the history has moved on; between those
moments every request reuses the fitted model. A shared cache backend shares it across workers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery

from alliance.web.accounts.models import Clinic
from alliance.web.clinic.instruments import for_clinic
from alliance.web.clinic.models import Episode, Respondent, Response

REFIT_EVERY = 25  # new outcome scores before the model is refitted
KEEP_SECONDS = 24 * 3600
Fitted = TypeVar("Fitted")


def _count(queryset) -> Subquery:
    counted = queryset.values("client__clinic").annotate(n=Count("pk")).values("n")
    return Subquery(counted, output_field=IntegerField())


def history_version(clinic_id: int, outcome: str | None = None) -> tuple[int, int]:
    """(ended episodes, outcome scores // REFIT_EVERY) of the clinic, in one query (and one
    more for the clinic's outcome instrument when `outcome` is not given)."""
    outcome = outcome or for_clinic(clinic_id).outcome
    mine = Q(client__clinic=OuterRef("pk"))
    counts = Clinic.objects.filter(pk=clinic_id).annotate(
        ended=_count(Episode.objects.filter(mine, ended__isnull=False)),
        scores=_count(
            Response.objects.filter(mine, instrument=outcome, respondent=Respondent.CLIENT)
        ),
    ).values_list("ended", "scores").first() or (0, 0)
    return counts[0] or 0, (counts[1] or 0) // REFIT_EVERY


def fitted(
    kind: str, clinic_id: int, fit: Callable[[], Fitted], version: tuple[int, int] | None = None
) -> Fitted:
    """The clinic's model of this kind for the current history version, fitting it if needed."""
    version = version if version is not None else history_version(clinic_id)
    key = f"alliance:{kind}:{clinic_id}:{version[0]}:{version[1]}"
    model = cache.get(key)
    if model is None:
        model = fit()
        cache.set(key, model, KEEP_SECONDS)
    return model
