"""The therapist chooses the language of a client's check-in, its messages and the kiosk."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from alliance.web.clinic.access import get_own_client
from alliance.web.clinic.audit import record
from alliance.web.clinic.languages import language_choices


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Check-in language"), choices=language_choices)


@never_cache
@login_required
@require_POST
def client_language(request, code: str):
    """Store the client's check-in language (their own therapist only); a value not offered
    is refused with the field named and nothing stored."""
    client = get_own_client(request.user, code)
    form = LanguageForm(request.POST)
    if not form.is_valid():
        label = form.fields["language"].label
        messages.error(request, f"{label}: {' '.join(form.errors['language'])}")
        return redirect("client", code=client.code)
    client.language = form.cleaned_data["language"]
    client.save(update_fields=["language"])
    record(request.user, client, "checkin-language-changed", client)
    messages.success(request, gettext("Check-in language saved."))
    return redirect("client", code=client.code)
