"""Log staff out after a spell without activity (ALLIANCE_IDLE_MINUTES, 30 by default); the page
warns two minutes before (static/alliance/idle.js) and offers to stay logged in. A kiosk keeps
its own shorter timer for the check-in it shows, and stays logged in."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .twofactor import is_kiosk

LAST_SEEN = "last_seen"
WRITE_EVERY_SECONDS = 30  # no session write on every request of a busy page


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not is_kiosk(request):
            now = int(timezone.now().timestamp())
            last = request.session.get(LAST_SEEN, now)
            if now - last > settings.IDLE_MINUTES * 60:
                return _logged_out(request)
            if now - last >= WRITE_EVERY_SECONDS or LAST_SEEN not in request.session:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


def _logged_out(request):
    logout(request)
    messages.info(
        request,
        _("You were logged out after %(minutes)s minutes idle.")
        % {"minutes": settings.IDLE_MINUTES},
    )
    login = reverse("login")
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = login
        return response
    return redirect(login)


@require_POST
def still_here(request):
    """The warning's "stay logged in": the middleware has already counted this as activity."""
    return HttpResponse(status=204 if request.user.is_authenticated else 401)


def idle_minutes(request) -> dict:
    """Template context: how long the page may stay idle, for the warning script."""
    return {"idle_minutes": settings.IDLE_MINUTES}
