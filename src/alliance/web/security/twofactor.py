"""Two-factor login (TOTP, with one-use recovery codes): who must use it, and the middleware that
holds every other page until the second step is done.

Required for every staff role; a clinic may relax it for therapists (ClinicSettings), never for
anyone else. ALLIANCE_TWO_FACTOR=false turns it off (the demo does, for its seeded logins). A
kiosk account, which can open nothing but check-ins by code, needs no second step.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from alliance.web.accounts.models import Role

RECOVERY_CODES = 10
OPEN_PATHS = ("/2fa/", "/logout/", "/static/", "/c/")


# the session key alliance.web.delivery.hooks sets for a kiosk login (kept equal by a test; not
# imported, so the admin of the clinic's base app does not pull in the delivery app)
KIOSK_SESSION_KEY = "alliance-kiosk-device"


def is_kiosk(request) -> bool:
    """A clinic kiosk's session: it can only open check-ins by code (alliance.web.delivery)."""
    return KIOSK_SESSION_KEY in getattr(request, "session", {})


def required_for(user) -> bool:
    """Whether this staff member must pass the second step to see any page."""
    if not settings.TWO_FACTOR:
        return False
    if user.role == Role.THERAPIST and not user.is_superuser and user.clinic_id:
        from alliance.web.clinic.models import ClinicSettings

        return ClinicSettings.for_clinic(user.clinic_id).therapists_need_two_factor
    return True


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with a fresh set, each usable once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery codes")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def forget_devices(user) -> None:
    """Remove every second-step device; the user sets one up again at their next login."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def safe_next(request, fallback: str = "home") -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, require_https=False):
        return wanted
    return reverse(fallback)


class TwoFactorMiddleware:
    """After django-otp's middleware: a logged-in user who still owes the second step reaches only
    the second-step pages and the logout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(OPEN_PATHS)
            and not is_kiosk(request)
            and required_for(user)
        ):
            step = "two-factor-verify" if has_device(user) else "two-factor-setup"
            return redirect(f"{reverse(step)}?next={request.get_full_path()}")
        return self.get_response(request)
