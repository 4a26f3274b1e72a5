"""Small staff forms on the client page."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.web.clinic.formfields import CalendarDateInput
from alliance.web.clinic.models import Attendance, Ending
from alliance.web.security.hygiene import TextHygiene


class NewClientForm(TextHygiene, forms.Form):
    display_name = forms.CharField(
        label=_("Display name (optional, shown only to staff)"), max_length=100, required=False
    )
    started = forms.DateField(
        label=_("Start of care"),
        initial=timezone.localdate,
        widget=CalendarDateInput(),
    )


class SessionForm(TextHygiene, forms.Form):
    date = forms.DateField(label=_("Date"), initial=timezone.localdate, widget=CalendarDateInput())
    attendance = forms.ChoiceField(label=_("Attendance"), choices=Attendance.choices)


class EndEpisodeForm(TextHygiene, forms.Form):
    ended = forms.DateField(
        label=_("Last day of care"),
        initial=timezone.localdate,
        widget=CalendarDateInput(),
    )
    ending = forms.ChoiceField(label=_("How it ended"), choices=Ending.choices)
