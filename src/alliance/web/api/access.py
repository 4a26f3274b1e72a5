"""The API finds clients only through the pages' access helper: 404 for what may not be seen."""

from __future__ import annotations

import re

from django.http import Http404

from alliance.web.clinic.access import get_client_for, get_own_client, visible_clients
from alliance.web.clinic.models import Alert, Client, Rupture

from .errors import Invalid

CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")
NO_CLIENT = "No such client"  # as the access helper words it


def _checked(code: str) -> str:
    if not CODE.fullmatch(code):
        raise Http404(NO_CLIENT)  # the same answer as for a client one may not see
    return code


def checked_code(field: str, code: str) -> str:
    """A client code given as a filter; 422 when it cannot be one."""
    if not CODE.fullmatch(code):
        raise Invalid(field, "not a client code (letters, digits and '-', at most 32)")
    return code


def readable_client(request, code: str) -> Client:
    """A client the caller may see."""
    return get_client_for(request.user, _checked(code))


def own_client(request, code: str) -> Client:
    """A client the caller treats, to act for them."""
    return get_own_client(request.user, _checked(code))


def visible_alert(request, pk: int) -> Alert:
    found = Alert.objects.filter(client__in=visible_clients(request.user), pk=pk)
    alert = found.select_related("client", "acknowledged_by").first()
    if alert is None:
        raise Http404("no such alert")
    return alert


def visible_rupture(request, pk: int) -> Rupture:
    found = Rupture.objects.filter(client__in=visible_clients(request.user), pk=pk)
    rupture = found.select_related("client", "recorded_by").first()
    if rupture is None:
        raise Http404("no such rupture")
    return rupture
