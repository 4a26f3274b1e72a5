"""The admin's form for a webhook endpoint."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Event

LOOPBACK = ("localhost", "127.0.0.1", "::1")


class EndpointForm(forms.Form):
    url = forms.URLField(
        label=_("URL (https, or http on this machine)"), max_length=500, assume_scheme="https"
    )
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=Event.choices, widget=forms.CheckboxSelectMultiple
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        parts = urlsplit(url)
        if parts.scheme != "https" and parts.hostname not in LOOPBACK:
            raise forms.ValidationError(_("use https (plain http only to this machine)"))
        return url
