"""Lists come in pages (`limit`, `offset`) with their `count`, and `updated_since` for syncing."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.fields import CharField
from django.db.models.functions import Cast, Concat
from ninja import Field, Schema

from alliance.web.clinic.models import AuditEvent, AuditKind

MAX_LIMIT = 500


class Paging(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=10**9, description="Items to skip.")
    updated_since: dt.datetime | None = Field(
        None,
        description="Only items created or changed at or after this time (ISO 8601; UTC when "
        "no offset is given).",
    )

    def since(self) -> dt.datetime | None:
        value = self.updated_since
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        # PostgreSQL refuses offsets past 15:59, so the time is asked in UTC
        try:
            return value.astimezone(dt.UTC)
        except OverflowError:  # an offset that pushes the time past the calendar's ends
            edge = dt.datetime.max if value.year > 1 else dt.datetime.min
            return edge.replace(tzinfo=dt.UTC)


def page(queryset: QuerySet, paging: Paging) -> tuple[list, int]:
    """One page of the rows and how many there are in all."""
    count = queryset.count()
    return list(queryset[paging.offset : paging.offset + paging.limit]), count


def audited_since(since: dt.datetime, *, target_model: str | None = None, **match) -> Exists:
    """Whether an audited change (never a read) touched the outer row since this time: by the
    audit row's target naming it (`target_model`), or by a field match such as client=pk."""
    changes = AuditEvent.objects.filter(at__gte=since, kind=AuditKind.CHANGE)
    if target_model is not None:
        target = Concat(Value(f"{target_model}:"), Cast(OuterRef("pk"), CharField()))
        changes = changes.filter(target=target)
    return Exists(changes.filter(**match))


def changed_since(queryset: QuerySet, paging: Paging, *fields: str, **audit) -> QuerySet:
    """The rows whose own time fields, or whose audited changes, are at or after `since`."""
    since = paging.since()
    if since is None:
        return queryset
    own = Q()
    for name in fields:
        own |= Q(**{f"{name}__gte": since})
    return queryset.filter(own | audited_since(since, **audit))
