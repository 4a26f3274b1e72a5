"""Snooze an alert until a date: the client's own therapist only, and never an urgent alert."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.audit import record
from alliance.web.clinic.formfields import CalendarDateInput
from alliance.web.clinic.models import Alert


class SnoozeForm(forms.Form):
    until = forms.DateField(label=_("Snooze until"), widget=CalendarDateInput())

    def __init__(self, *args, alert: Alert, **kwargs):
        super().__init__(*args, **kwargs)
        self.alert = alert

    def clean_until(self) -> dt.date:
        until = self.cleaned_data["until"]
        if until <= timezone.localdate():
            raise forms.ValidationError(_("Choose a day after today."))
        return until

    def clean(self) -> dict:
        if self.alert.is_urgent:
            raise forms.ValidationError(_("Urgent alerts cannot be snoozed."))
        return super().clean()


@login_required
@require_POST
def snooze(request, pk: int):
    """Hide an open alert until the start of the chosen day."""
    alert = get_object_or_404(
        Alert.objects.open()
        .filter(client__in=visible_clients(request.user))
        .select_related("client"),
        pk=pk,
    )
    if alert.client.therapist_id != request.user.pk:
        raise Http404("No such alert")
    form = SnoozeForm(request.POST, alert=alert)
    if not form.is_valid():
        # the client page again, with the problem beside the alert's own snooze field
        from alliance.web.clientpage.views import render_client_page

        return render_client_page(request, alert.client, snooze=form, status=400)
    start = dt.datetime.combine(form.cleaned_data["until"], dt.time.min)
    alert.snoozed_until = timezone.make_aware(start)
    alert.save(update_fields=["snoozed_until"])
    record(request.user, alert.client, "alert-snoozed", alert)
    return redirect("client", code=alert.client.code)
