"""Every error answer names the problem: `{"detail": "field: problem", "errors": [...]}`."""

from __future__ import annotations

from django.http import Http404
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from .ratelimit import RateLimited

SEND_HEADER = "Authorization: send the header 'Bearer TOKEN'"

LOCATIONS = ("body", "query", "path", "header", "cookie", "form", "file")


class FieldProblem(Schema):
    field: str
    problem: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldProblem] = []


ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}


class Conflict(HttpError):
    def __init__(self, message: str):
        super().__init__(409, message)


class Invalids(Exception):
    """Input that passed the schema but not the rules; nothing was stored."""

    def __init__(self, found: list[tuple[str, str]]):
        super().__init__("; ".join(f"{field}: {problem}" for field, problem in found))
        self.found = found


class Invalid(Invalids):
    def __init__(self, field: str, problem: str):
        super().__init__([(field, problem)])


def field_name(loc: list) -> str:
    """`["body", "payload", "date"]` -> "date"; `["query", "limit"]` -> "limit"."""
    parts = [str(part) for part in loc]
    if parts and parts[0] in LOCATIONS:
        where = parts.pop(0)
        if where == "body" and len(parts) > 1:
            parts.pop(0)  # the name of the handler's argument, not of a field
        elif where == "body" and parts:
            return "body"
    return ".".join(parts) or "body"


def problems(errors: list[dict]) -> list[dict]:
    return [{"field": field_name(e.get("loc", [])), "problem": _message(e)} for e in errors]


def _message(error: dict) -> str:
    message = str(error.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def install(api: NinjaAPI) -> None:
    """Answer every error as ErrorOut."""

    def answer(request, status: int, detail: str, found: list[dict] | None = None):
        body = {"detail": detail, "errors": found or []}
        return api.create_response(request, body, status=status)

    @api.exception_handler(ValidationError)
    def invalid_input(request, exc: ValidationError):
        found = problems(exc.errors)
        detail = "; ".join(f"{p['field']}: {p['problem']}" for p in found)
        return answer(request, 422, detail or "the request is not valid", found)

    @api.exception_handler(Invalids)
    def invalid_value(request, exc: Invalids):
        found = [{"field": field, "problem": problem} for field, problem in exc.found]
        return answer(request, 422, str(exc), found)

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404):
        return answer(request, 404, f"not found: {exc or 'no such resource'}")

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = answer(request, 401, SEND_HEADER)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        detail = str(exc)
        if exc.status_code == 400 and not detail.startswith("body"):
            detail = f"body: not valid JSON ({detail})"
        response = answer(request, exc.status_code, detail)
        if exc.status_code == 401:
            response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(RateLimited)
    def rate_limited(request, exc: RateLimited):
        response = answer(request, 429, str(exc))
        response["Retry-After"] = str(exc.retry_after)
        return response
