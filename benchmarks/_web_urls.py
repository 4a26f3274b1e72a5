"""The app's URLs plus the baseline: a bare view inserting one row, behind the same middleware."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from alliance.web.clinic.models import AuditEvent
from alliance.web.urls import urlpatterns as app_urlpatterns

BARE_INSERT_PATH = "/bench/bare-insert/"
BARE_INSERT_REPLY = b"inserted"


@require_POST
def bare_insert(request) -> HttpResponse:
    """Insert one row and answer in plain text: the least a check-in submit could cost."""
    AuditEvent.objects.create(action="benchmark-bare-insert")
    return HttpResponse(BARE_INSERT_REPLY, content_type="text/plain")


urlpatterns = [path(BARE_INSERT_PATH.strip("/") + "/", bare_insert), *app_urlpatterns]
