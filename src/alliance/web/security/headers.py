"""Headers on every response the app makes: a strict Content-Security-Policy, no caching of pages
(every page is either clinical, a login, or a check-in), and a Permissions-Policy.

The only inline code allowed is the two fixed style blocks of the reports (the page's and the one
inside each chart, needed by the PDF renderer), by their hashes; no inline script at all.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache

from django.template.loader import get_template

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


@cache
def content_security_policy() -> str:
    from alliance.web.reports.charts import CHART_STYLE

    report_style = get_template("reports/_style.html").template.source
    styles = [_hash(found) for found in STYLE_BLOCK.findall(CHART_STYLE + report_style)]
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            f"style-src 'self' {' '.join(styles)}",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeadersMiddleware:
    """Placed after WhiteNoise, so static files keep their own long-lived caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", content_security_policy())
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store"
        return response
