"""What to export, and how."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

SCOPES = [
    ("client", "One of my clients"),
    ("team", "My team's clients"),
    ("clinic", "The whole clinic"),
]
STUDY = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}")


class ExportForm(forms.Form):
    scope = forms.ChoiceField(label=_("What"), choices=SCOPES)
    code = forms.CharField(label=_("Client code (for one client)"), max_length=32, required=False)
    format = forms.ChoiceField(
        label=_("Format"), choices=[("csv", _("Interchange CSV")), ("parquet", _("Parquet"))]
    )
    study = forms.CharField(
        label="Research study (pseudonyms for this study; empty: a plain export)",
        max_length=60,
        required=False,
    )
    free_text = forms.BooleanField(label=_("Research export: keep free text"), required=False)

    def __init__(self, *args, scopes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = [c for c in SCOPES if c[0] in scopes]

    def clean(self):
        data = super().clean()
        if data.get("scope") == "client" and not data.get("code"):
            self.add_error("code", _("give the client's code to export one client"))
        if data.get("study") and not STUDY.fullmatch(data["study"]):
            self.add_error("study", _("use letters, digits, spaces, '.', '_' or '-'"))
        return data
