"""Acknowledge an alert: a person takes it on, recorded with who and when."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.audit import record
from alliance.web.clinic.models import Alert


@login_required
@require_POST
def acknowledge(request, pk: int):
    """Mark an open alert as seen and taken on by this user."""
    alert = get_object_or_404(
        Alert.objects.filter(client__in=visible_clients(request.user)),
        pk=pk,
        acknowledged_at__isnull=True,
    )
    Alert.objects.filter(pk=alert.pk).acknowledge(request.user)
    record(request.user, alert.client, "alert-acknowledged", alert)
    target = _next(request)
    return redirect(target) if target else redirect("client", code=alert.client.code)


def _next(request) -> str:
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if safe else ""
