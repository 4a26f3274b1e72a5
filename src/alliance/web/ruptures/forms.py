"""What the therapist records about a rupture: its kind, what they noticed, what they tried."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.web.clinic.models import RuptureKind
from alliance.web.security.hygiene import TextHygiene

from .strategies import strategies


class RepairForm(TextHygiene, forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of rupture was it?"),
        widget=forms.RadioSelect,
        choices=[("", _("Not sure yet")), *RuptureKind.choices],
        required=False,
    )
    noticed = forms.CharField(
        label=_("What you noticed"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Say briefly what you noticed in the session.")},
    )
    strategies = forms.MultipleChoiceField(
        label=_("What you tried"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        choices=lambda: [(s.id, s.name) for s in strategies()],
    )
    how_it_went = forms.CharField(
        label=_("How it went"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
