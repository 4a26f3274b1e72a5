"""Password reset by email: the same answer whether or not the address is known."""

from __future__ import annotations

from django import forms
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from alliance.web.clinic.audit import record
from alliance.web.security.hygiene import TextHygiene

from .models import User
from .reset import send_reset


class ResetRequestForm(TextHygiene, forms.Form):
    email = forms.EmailField(label=_("Your work email"))


@never_cache
def ask_for_reset(request):
    """Email a reset link to each active staff member with this address; say the same either way."""
    form = ResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for user in User.objects.filter(email__iexact=form.cleaned_data["email"], is_active=True):
            send_reset(request, user)
            record(user, None, "password-reset-asked", user, kind="account")
        return render(request, "accounts/password_reset_sent.html")
    return render(request, "accounts/password_reset.html", {"form": form})


class ResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        record(self.user, None, "password-set-from-link", self.user, kind="account")
        return response
