"""The clinic admin's webhook page: endpoints, their secrets (shown once) and their deliveries."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from alliance.web.clinic.audit import record

from .forms import EndpointForm
from .models import Delivery, Endpoint, Status
from .signing import HEADER, new_secret
from .tasks import queue_delivery

RECENT = 50


def _admin(request):
    if not (request.user.is_active and request.user.is_clinic_admin and request.user.clinic_id):
        raise Http404("No such page")
    return request.user


def _endpoint(request, pk: int) -> Endpoint:
    return get_object_or_404(Endpoint, pk=pk, clinic_id=_admin(request).clinic_id)


@never_cache
@login_required
def endpoints(request):
    """GET: the clinic's endpoints; POST: a new one, whose secret this answer shows once."""
    admin = _admin(request)
    form = EndpointForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        secret = new_secret()
        endpoint = Endpoint.objects.create(
            clinic_id=admin.clinic_id, secret=secret, created_by=admin, **form.cleaned_data
        )
        record(admin, None, "webhook-endpoint-added", endpoint)
        form = EndpointForm()
    found = Endpoint.objects.filter(clinic_id=admin.clinic_id)
    failed = Delivery.objects.filter(endpoint__in=found, status=Status.FAILED).count()
    context = {
        "form": form,
        "secret": secret,
        "endpoints": found,
        "failed": failed,
        "header": HEADER,
    }
    return render(request, "webhooks/endpoints.html", context, status=400 if form.errors else 200)


@login_required
def deliveries(request, pk: int):
    endpoint = _endpoint(request, pk)
    recent = endpoint.deliveries.all()[:RECENT]
    return render(request, "webhooks/deliveries.html", {"endpoint": endpoint, "deliveries": recent})


@login_required
@require_POST
def toggle(request, pk: int):
    endpoint = _endpoint(request, pk)
    endpoint.active = not endpoint.active
    endpoint.save(update_fields=["active"])
    record(
        request.user,
        None,
        "webhook-endpoint-" + ("enabled" if endpoint.active else "paused"),
        endpoint,
    )
    return redirect("webhooks")


@login_required
@require_POST
def delete(request, pk: int):
    endpoint = _endpoint(request, pk)
    record(request.user, None, "webhook-endpoint-deleted", endpoint)
    endpoint.delete()
    messages.success(request, _("The endpoint is deleted."))
    return redirect("webhooks")


@login_required
@require_POST
def retry(request, pk: int, delivery_pk: int):
    """Send a failed delivery again, as a new round of attempts."""
    endpoint = _endpoint(request, pk)
    delivery = get_object_or_404(endpoint.deliveries, pk=delivery_pk, status=Status.FAILED)
    delivery.status, delivery.attempts, delivery.next_attempt_at = Status.PENDING, 0, None
    delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
    queue_delivery(delivery)
    return redirect("webhook-deliveries", pk=endpoint.pk)
