"""The form on the staff member's own page for a new API token."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class NewTokenForm(forms.Form):
    name = forms.CharField(label=_("Name (what the token is for)"), max_length=100, required=False)
    expires_days = forms.IntegerField(
        label=_("Expires after (days; empty: never)"), min_value=1, max_value=3650, required=False
    )
    read_only = forms.BooleanField(label=_("Read-only (cannot change data)"), required=False)
