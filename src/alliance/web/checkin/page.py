"""The client's check-in page, its frame kept per process: the base page, its sentences and the
crisis footer through the template engine cost more than the form's parts rendered in Python.

The frame is the page template rendered once with marks where the CSRF token and the form's
parts go, for each language, number of parts and clinic crisis contact (all it depends on for a
client's phone: no login, no messages). A form sent back, a logged-in browser (the kiosk) or a
pending message gets the template's full rendering, as before."""

from __future__ import annotations

import secrets

from django.contrib.messages import get_messages
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .rendering import escaped, kept_section

PAGE, PARTS = "checkin/client_form.html", "checkin/_client_parts.html"
# a mark no rendered page holds: fresh random words in each process
CSRF_MARK, PARTS_MARK = (f"kept-frame-{name}-{secrets.token_hex(16)}" for name in ("csrf", "parts"))


def client_page(request, context: dict) -> SafeString:
    """The check-in page exactly as its template renders it."""
    if not frame_may_be_kept(request, context):
        return render_to_string(PAGE, context, request)
    head, middle, tail = _kept_frame(request, context)
    parts = render_to_string(PARTS, context)
    return mark_safe(head + escaped(get_token(request)) + middle + parts + tail)  # as rendered


def frame_may_be_kept(request, context: dict) -> bool:
    """True when the page shows nothing of this browser's own around the form."""
    return not (context["form"].is_bound or request.user.is_authenticated or get_messages(request))


def _kept_frame(request, context: dict) -> tuple[str, str, str]:
    crisis = context["crisis"]
    contact = (crisis.crisis_contact_text, crisis.crisis_contact_number) if crisis else None
    key = ("client-page", translation.get_language(), context["parts"], contact)
    marked = {**context, "csrf_token": CSRF_MARK, "parts_html": PARTS_MARK}
    frame = kept_section(key, lambda: render_to_string(PAGE, marked, request))
    head, rest = frame.split(CSRF_MARK)
    middle, tail = rest.split(PARTS_MARK)
    return head, middle, tail
