"""Fill the summaries of clients who have none (after a migration), or rewrite them all."""

from __future__ import annotations

from collections.abc import Callable

from alliance.web.clinic.models import Client

from .summary import refresh

CHUNK = 500  # clients computed together: bounded memory on a large clinic


def fill_missing(sender=None, using: str = "default", **kwargs) -> int:
    """Summaries for every client without one; after each migrate, so an existing clinic gets
    them when this table is created."""
    from django.db import connections

    from .models import ClientSummary

    if ClientSummary._meta.db_table not in connections[using].introspection.table_names():
        return 0  # migrated back past this table
    missing = Client.objects.using(using).filter(summary__isnull=True)
    return refresh_clients(missing)


def refresh_clients(clients, progress: Callable[[int], None] | None = None) -> int:
    """Recompute the summaries of these clients, clinic by clinic and chunk by chunk."""
    done = 0
    ids_by_clinic: dict[int, list[int]] = {}
    for pk, clinic_id in clients.order_by("pk").values_list("pk", "clinic_id"):
        ids_by_clinic.setdefault(clinic_id, []).append(pk)
    for clinic_id, ids in ids_by_clinic.items():
        for start in range(0, len(ids), CHUNK):
            done += refresh(ids[start : start + CHUNK], clinic_id)
            if progress:
                progress(done)
    return done
