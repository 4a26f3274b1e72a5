"""FHIR R4 in the app (application/fhir+json), with the API's tokens and access rules:
`GET /fhir/r4/Questionnaire`, `GET /fhir/r4/Patient/{code}/$everything` and
`POST /fhir/r4/` (a transaction Bundle of QuestionnaireResponses)."""

from __future__ import annotations

import functools

from django.http import Http404, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from ninja.errors import HttpError

from alliance.interop import fhir
from alliance.measures import list_instruments
from alliance.web.exports.interchange import answer_frame, responses_of

from .access import readable_client
from .auth import authenticate, bearer_token
from .errors import Invalids
from .fhir_store import store_transaction
from .ratelimit import RateLimited
from .reads import audit_read


def answer(resource: dict, status: int = 200) -> HttpResponse:
    return HttpResponse(fhir.to_json(resource), status=status, content_type=fhir.MEDIA_TYPE)


def outcome(status: int, problems: list[str], code: str = "invalid") -> HttpResponse:
    """An OperationOutcome with one issue per problem."""
    issues = [{"severity": "error", "code": code, "diagnostics": p} for p in problems]
    response = answer({"resourceType": "OperationOutcome", "issue": issues}, status)
    if status == 401:
        response["WWW-Authenticate"] = "Bearer"
    return response


def with_token(view):
    """Authenticate as the API does; every refusal is an OperationOutcome naming the problem."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            authenticate(request, bearer_token(request))
            return view(request, *args, **kwargs)
        except HttpError as error:
            return outcome(error.status_code, [str(error)], "security")
        except RateLimited as error:
            response = outcome(429, [str(error)], "throttled")
            response["Retry-After"] = str(error.retry_after)
            return response
        except Http404 as error:
            return outcome(404, [f"not found: {error}"], "not-found")

    return csrf_exempt(wrapped)


@require_GET
@with_token
def questionnaires(request):
    """Every shipped instrument as a Questionnaire, in a searchset Bundle; with `_language`,
    those worded in that language, in it (FHIR's search on Resource.language)."""
    language = request.GET.get("_language", "en")
    found = [
        fhir.questionnaire(inst, language)
        for inst in list_instruments()
        if language in ("en", *inst.languages)
    ]
    if not found:
        spoken = sorted({"en", *(lang for inst in list_instruments() for lang in inst.languages)})
        problem = f"_language: no instrument is worded in {language!r}; try {', '.join(spoken)}"
        return outcome(400, [problem], "value")
    entries = [{"fullUrl": q["url"], "resource": q} for q in found]
    return answer(
        {"resourceType": "Bundle", "type": "searchset", "total": len(entries), "entry": entries}
    )


@require_GET
@with_token
def everything(request, code: str):
    """The client's responses and observations (scores), for whoever may see the client."""
    client = readable_client(request, code)
    audit_read(request, client, "fhir-everything")
    return answer(fhir.everything_bundle(answer_frame(responses_of([client]))))


@require_POST
@with_token
def transaction(request):
    """Store a transaction Bundle of QuestionnaireResponses for the caller's own clients, all or
    nothing; every problem is named by resource and item."""
    try:
        answers = fhir.read_transaction(request.body)
        stored = store_transaction(request, answers)
    except fhir.FhirError as error:
        return outcome(422, [str(problem) for problem in error.problems])
    except Invalids as error:
        return outcome(422, [f"{field}: {problem}" for field, problem in error.found])
    return answer(stored)
