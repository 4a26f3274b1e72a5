"""Error answers under /api/ and /fhir/ that Django or ninja give as plain text (such as 405)
become JSON that names the problem, like every other error of the API."""

from __future__ import annotations

import json

PREFIXES = ("/api/", "/fhir/")


class ExplainPlainErrors:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _plain_error(request, response):
            body = {"detail": _detail(request, response), "errors": []}
            response.content = json.dumps(body)
            response["Content-Type"] = "application/json"
        return response


def _plain_error(request, response) -> bool:
    is_json = "json" in response.get("Content-Type", "")
    streaming = getattr(response, "streaming", False)
    return (
        request.path.startswith(PREFIXES)
        and response.status_code >= 400
        and not (is_json or streaming)
    )


def _detail(request, response) -> str:
    if response.status_code == 405:
        allowed = response.get("Allow", "another method")
        return f"method: {request.method} is not allowed here; use {allowed}"
    return f"the request was refused ({response.status_code} {response.reason_phrase})"
