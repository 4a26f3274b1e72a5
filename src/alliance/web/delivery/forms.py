"""Delivery's forms: the client's contact details, the kiosk code, the digest choice (the
clinic's delivery settings are in settings_form)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.web.security.hygiene import TextHygiene

from .models import Preference


class ContactForm(TextHygiene, forms.Form):
    email = forms.CharField(label=_("Email address"), max_length=254, required=False)
    mobile = forms.CharField(label=_("Mobile number"), max_length=30, required=False)
    delivery = forms.ChoiceField(label=_("Send check-ins by"), choices=Preference.choices)


class KioskCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class DigestForm(forms.Form):
    daily = forms.BooleanField(
        label=_("Email me each morning how many alerts wait for me"), required=False
    )
