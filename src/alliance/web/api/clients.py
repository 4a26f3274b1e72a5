"""Clients and their episodes of care."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from ninja import Query, Router

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.audit import record
from alliance.web.clinic.models import Episode

from .access import own_client, readable_client
from .errors import ERRORS
from .inputs import ClientPatch
from .paging import Paging, changed_since, page
from .reads import audit_read
from .records import client_record, episode_record
from .schemas import ClientOut, ClientPage, EpisodePage
from .writing import change_client

router = Router(tags=["clients"])


def _with_status(queryset):
    open_episode = Episode.objects.filter(client=OuterRef("pk"), ended__isnull=True)
    return queryset.select_related("therapist").annotate(in_care=Exists(open_episode))


@router.get("/clients", response={200: ClientPage, **ERRORS})
def list_clients(request, paging: Query[Paging]):
    """The clients the caller may see: their own, and their teams' as a supervisor."""
    found = changed_since(
        _with_status(visible_clients(request.user)), paging, "created_at", client=OuterRef("pk")
    )
    items, count = page(found.order_by("code"), paging)
    audit_read(request, items, "clients")
    return {"items": [client_record(c, request.user) for c in items], "count": count}


@router.get("/clients/{code}", response={200: ClientOut, **ERRORS})
def get_client(request, code: str):
    client = readable_client(request, code)
    audit_read(request, client, "client")
    return client_record(
        _with_status(type(client).objects.filter(pk=client.pk)).get(), request.user
    )


@router.patch("/clients/{code}", response={200: ClientOut, **ERRORS})
def patch_client(request, code: str, payload: ClientPatch):
    """Change the display name, contact details or delivery preference (own clients only)."""
    client = own_client(request, code)
    change_client(client, payload.model_dump(exclude_unset=True), by=request.user)
    record(request.user, client, "client-changed", client)
    return client_record(
        _with_status(type(client).objects.filter(pk=client.pk)).get(), request.user
    )


@router.get("/clients/{code}/episodes", response={200: EpisodePage, **ERRORS})
def list_episodes(request, code: str, paging: Query[Paging]):
    client = readable_client(request, code)
    found = client.episodes.order_by("started", "pk")
    since = paging.since()
    if since is not None:  # an episode's own dates, or its audited end
        found = found.filter(started__gte=since.date()) | changed_since(
            found, paging, target_model="episode"
        )
    items, count = page(found, paging)
    audit_read(request, client, "episodes")
    return {"items": [episode_record(e) for e in items], "count": count}
