"""Render a report template to PDF with WeasyPrint: the same HTML and inline SVG as the page."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string


class NoFetching(Exception):
    """Reports are self-contained; the renderer is never allowed to fetch anything."""


def _refuse(url: str, *args, **kwargs):
    raise NoFetching(f"a report may not load {url!r}")


def pdf_response(request, template: str, context: dict, filename: str) -> HttpResponse:
    """The template rendered as a PDF attachment."""
    from weasyprint import HTML  # imported here: it loads system libraries, only reports need it

    html = render_to_string(template, {**context, "as_pdf": True}, request=request)
    document = HTML(string=html, url_fetcher=_refuse).write_pdf()
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
