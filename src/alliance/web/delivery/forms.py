"""Delivery's forms: the client's contact details, the clinic's settings, the kiosk code."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alliance.web.security.hygiene import TextHygiene

from .messages import DEFAULTS, check_wording, default_text
from .models import DeliverySettings, Preference


class ContactForm(TextHygiene, forms.Form):
    email = forms.CharField(label=_("Email address"), max_length=254, required=False)
    mobile = forms.CharField(label=_("Mobile number"), max_length=30, required=False)
    delivery = forms.ChoiceField(label=_("Send check-ins by"), choices=Preference.choices)


class DeliverySettingsForm(TextHygiene, forms.ModelForm):
    class Meta:
        model = DeliverySettings
        fields = [
            "clinic",
            "send_when",
            "send_after_hours",
            "remind_after_hours",
            "missed_in_a_row",
            "duty_email",
            *DEFAULTS,
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in DEFAULTS:
            self.fields[field].help_text = "Empty: the default, " + repr(default_text(field))
            self.fields[field].widget.attrs["placeholder"] = default_text(field)

    def clean(self):
        cleaned = super().clean()
        for field in DEFAULTS:
            try:
                check_wording(field, cleaned.get(field) or "")
            except ValidationError as error:
                self.add_error(field, error.message_dict[field])
        return cleaned


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
