"""The app's URLs plus the baselines, behind the same middleware: a bare view inserting one row
(for the check-in submit) and one reading one row (for the caseload and the check-in page)."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from alliance.web.clinic.models import AuditEvent, Client
from alliance.web.urls import urlpatterns as app_urlpatterns

BARE_INSERT_PATH = "/bench/bare-insert/"
BARE_INSERT_REPLY = b"inserted"
BARE_SELECT_PATH = "/bench/bare-select/"
BARE_SELECT_REPLY = b"selected"


@require_POST
def bare_insert(request) -> HttpResponse:
    """Insert one row and answer in plain text: the least a check-in submit could cost."""
    AuditEvent.objects.create(action="benchmark-bare-insert")
    return HttpResponse(BARE_INSERT_REPLY, content_type="text/plain")


@require_GET
def bare_select(request) -> HttpResponse:
    """Read one row with one SELECT and answer in plain text: the least a page could cost."""
    Client.objects.values_list("pk", flat=True).first()
    return HttpResponse(BARE_SELECT_REPLY, content_type="text/plain")


urlpatterns = [
    path(BARE_INSERT_PATH.strip("/") + "/", bare_insert),
    path(BARE_SELECT_PATH.strip("/") + "/", bare_select),
    *app_urlpatterns,
]
