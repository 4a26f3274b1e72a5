"""The rupture review: explained for whoever may see the client, recorded by their therapist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.web.clinic.access import get_client_for
from alliance.web.clinic.audit import record, record_read

from .forms import RepairForm
from .review import review_context

RECORDED = ["kind", "noticed", "strategies", "how_it_went"]


@login_required
def review(request, code: str, pk: int):
    """GET: the review; POST (the client's own therapist only): what they noticed and did."""
    client = get_client_for(request.user, code)
    rupture = get_object_or_404(client.ruptures, pk=pk)
    record_read(request, client, "rupture-review", rupture)
    is_own = client.therapist_id == request.user.pk
    if request.method == "POST" and not is_own:
        raise Http404("No such client")
    form = RepairForm(
        request.POST or None, initial={name: getattr(rupture, name) for name in RECORDED}
    )
    if request.method == "POST" and form.is_valid():
        _save(rupture, form, request.user)
        messages.success(request, _("Saved: what you noticed and did is kept with this rupture."))
        return redirect("rupture", code=client.code, pk=rupture.pk)
    context = {**review_context(rupture), "client": client, "is_own": is_own, "form": form}
    return render(request, "ruptures/review.html", context, status=400 if form.errors else 200)


def _save(rupture, form: RepairForm, user) -> None:
    for name in RECORDED:
        setattr(rupture, name, form.cleaned_data[name])
    rupture.recorded_by, rupture.recorded_at = user, timezone.now()
    rupture.save(update_fields=[*RECORDED, "recorded_by", "recorded_at"])
    record(user, rupture.client, "rupture-repair-recorded", rupture)
