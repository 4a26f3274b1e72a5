"""The second step of the login: set up an authenticator app once, then give its code (or a
recovery code) at each login. Each step is audited."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from alliance.web.checkin.qr import qr_svg
from alliance.web.clinic.audit import record_account

from .hygiene import TextHygiene
from .twofactor import has_device, new_recovery_codes, safe_next


class CodeForm(TextHygiene, forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app (or a recovery code)"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].replace(" ", "").strip()


@never_cache
@login_required
def setup(request):
    """Show a new authenticator key as a QR code; a correct code confirms it."""
    if has_device(request.user):
        return redirect("two-factor-verify")
    device = _pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            record_account(request, "two-factor-enrolled", request.user)
            codes = new_recovery_codes(request.user)
            context = {"codes": codes, "next": safe_next(request)}
            return render(request, "security/recovery_codes.html", context)
        form.add_error(
            "code", _("That code is not right; check the clock of your phone and retry.")
        )
    context = {
        "form": form,
        "qr": qr_svg(device.config_url),
        "key": _spaced(device),
        "next": safe_next(request),
    }
    return render(request, "security/two_factor_setup.html", context, status=_status(form))


@never_cache
@login_required
def verify(request):
    """The code from the authenticator app, or one recovery code (used up)."""
    if not has_device(request.user):
        return redirect("two-factor-setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if not isinstance(device, TOTPDevice):
                record_account(request, "recovery-code-used", request.user)
            return redirect(safe_next(request))
        form.add_error("code", _why_refused(request.user))
    context = {"form": form, "next": safe_next(request)}
    return render(request, "security/two_factor_verify.html", context, status=_status(form))


def _why_refused(user) -> str:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    allowed, _ = device.verify_is_allowed() if device else (True, None)
    if not allowed:
        return (
            "That code was not accepted. After a wrong code, wait a few seconds (longer after "
            "each one) before trying again."
        )
    return "That code is not right, or was already used."


def _pending_device(user) -> TOTPDevice:
    found = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return found or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def _spaced(device: TOTPDevice) -> str:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _status(form) -> int:
    return 400 if form.errors else 200
