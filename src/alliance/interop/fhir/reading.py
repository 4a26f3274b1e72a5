"""QuestionnaireResponses in a Bundle back into item-level answers (the interchange format)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from alliance.interop.tables import ANSWER_COLUMNS, ANSWER_OPTIONAL
from alliance.measures import Instrument, UnknownInstrumentError, get_instrument, list_instruments

from . import codes
from .answers_in import ItemProblem, item_answers
from .errors import FhirError, Problem
from .references import Unresolved, index, person
from .validation import parsed, problems_of

ACCEPTED_STATUS = ("completed", "amended")
READ = ("QuestionnaireResponse", "Patient", "Practitioner")


@dataclass
class _Response:
    name: str
    key: tuple[str, int, str, str]
    therapist_id: str | None
    date: str | None
    answers: list[tuple[str, int | str | None]]
    respondent_given: bool
    language: str | None = None


def read_bundle(bundle: str | bytes | dict) -> pd.DataFrame:
    """Every QuestionnaireResponse of the Bundle as answer rows; FhirError lists every problem."""
    data = _bundle(bundle)
    entries = data.get("entry") or []
    resources = index(entries)
    responses: list[_Response] = []
    problems: list[Problem] = []
    for n, entry in enumerate(entries, start=1):
        problems += _entry_problems(n, entry, resources, responses)
    problems += _duplicates(responses)
    if problems:
        raise FhirError(problems)
    return _frame(responses)


def _entry_problems(n: int, entry: dict, resources: dict, out: list[_Response]) -> list[Problem]:
    """Validate an entry that is read, and read it when it is a response."""
    resource = entry.get("resource") or {}
    if not isinstance(resource, dict) or resource.get("resourceType") not in READ:
        return []  # scores are recomputed from the answers; other resources are not used
    name = _name(n, entry, resource)
    found = problems_of(resource, name)
    if not found and resource["resourceType"] == "QuestionnaireResponse":
        found = _read(resource, name, resources, out)
    return found


def read_transaction(bundle: str | bytes | dict) -> pd.DataFrame:
    """As read_bundle, for a `transaction` Bundle whose entries each POST a resource."""
    data = _bundle(bundle)
    problems = _transaction_problems(data)
    if problems:
        raise FhirError(problems)
    return read_bundle(data)


def _transaction_problems(data: dict) -> list[Problem]:
    entries = data.get("entry") or []
    problems = []
    if data.get("type") != "transaction":
        kind = data.get("type")
        problems.append(Problem("Bundle", f"type is {kind!r}; a transaction Bundle is expected"))
    for n, entry in enumerate(entries, start=1):
        if (entry.get("request") or {}).get("method") != "POST":
            name = _name(n, entry, entry.get("resource") or {})
            problems.append(Problem(name, "request.method must be POST"))
    if not any(_is_response(entry) for entry in entries):
        problems.append(Problem("Bundle", "no QuestionnaireResponse to store"))
    return problems


def _is_response(entry: dict) -> bool:
    return (entry.get("resource") or {}).get("resourceType") == "QuestionnaireResponse"


def _bundle(bundle: str | bytes | dict) -> dict:
    data = parsed(bundle, "Bundle")
    if data.get("resourceType") != "Bundle":
        raise FhirError(
            [Problem("Bundle", f"resourceType is {data.get('resourceType')!r}, not Bundle")]
        )
    entries = data.get("entry") or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise FhirError([Problem("Bundle", "entry must be a list of objects")])
    shell = {**data, "entry": [{k: v for k, v in e.items() if k != "resource"} for e in entries]}
    problems = problems_of(shell, "Bundle")
    if problems:
        raise FhirError(problems)
    return data


def _name(n: int, entry: dict, resource: dict) -> str:
    kind = resource.get("resourceType", "resource") if isinstance(resource, dict) else "resource"
    label = entry.get("fullUrl") or (resource.get("id") if isinstance(resource, dict) else None)
    return f"entry {n} ({kind} {label})" if label else f"entry {n} ({kind})"


def _read(resource: dict, name: str, resources: dict, out: list[_Response]) -> list[Problem]:
    try:
        out.append(_response(resource, name, resources))
    except ItemProblem as error:
        return [Problem(name, str(error), item=error.item)]
    except (Unresolved, ValueError) as error:
        return [Problem(name, str(error))]
    return []


def _response(resource: dict, name: str, resources: dict) -> _Response:
    if resource.get("status") not in ACCEPTED_STATUS:
        raise ValueError(
            f"status is {resource.get('status')!r}; only completed or amended responses are read"
        )
    inst = _instrument(resource.get("questionnaire"))
    client = _client(resource, resources)
    respondent, therapist = _who(resource, resources, client)
    key = (client, _session(resource), inst.id, respondent)
    answers = item_answers(inst, resource.get("item") or [])
    given = isinstance(resource.get("source"), dict)
    language = resource.get("language") if isinstance(resource.get("language"), str) else None
    return _Response(name, key, therapist, resource.get("authored"), answers, given, language)


def _instrument(canonical: str | None) -> Instrument:
    url, _, version = (canonical or "").partition("|")
    prefix = f"{codes.BASE}/Questionnaire/"
    if url.startswith(prefix):
        try:
            inst = get_instrument(url.removeprefix(prefix))
        except UnknownInstrumentError as error:
            raise ValueError(f"questionnaire {canonical!r}: {error}") from None
        if version and version != inst.version:
            raise ValueError(
                f"questionnaire {canonical!r}: version {version} is not the shipped {inst.version}"
            )
        return inst
    for inst in list_instruments():
        if inst.codes.panel and url == f"{codes.LOINC}/q/{inst.codes.panel}":
            return inst
    raise ValueError(f"questionnaire {canonical!r} is not a shipped instrument")


def _client(resource: dict, resources: dict) -> str:
    if not isinstance(resource.get("subject"), dict):
        raise ValueError("subject is missing: a response must name its Patient")
    kind, code = person(resource["subject"], resources)
    if kind != "Patient" or not code:
        raise ValueError("subject must be a Patient with a client code")
    return code


def _who(resource: dict, resources: dict, client: str) -> tuple[str, str | None]:
    """(respondent, therapist code) from source (who answered) and author (who received)."""
    therapist = None
    if isinstance(resource.get("author"), dict):
        kind, code = person(resource["author"], resources)
        therapist = code if kind == "Practitioner" else None
    if not isinstance(resource.get("source"), dict):
        return "client", therapist
    kind, code = person(resource["source"], resources)
    if kind == "Patient":
        if code != client:
            raise ValueError(f"source is Patient {code}, not the subject {client}")
        return "client", therapist
    if therapist and code and code != therapist:
        raise ValueError(f"source is therapist {code} but author is therapist {therapist}")
    return "therapist", therapist or code


def _session(resource: dict) -> int:
    for extension in resource.get("extension") or []:
        if extension.get("url") == codes.SESSION_EXTENSION:
            value = extension.get("valueInteger")
            if isinstance(value, int) and value >= 0:
                return value
            raise ValueError(
                f"extension {codes.SESSION_EXTENSION} needs a valueInteger of 0 or more"
            )
    raise ValueError(f"no session: add the extension {codes.SESSION_EXTENSION} with valueInteger")


def _duplicates(responses: list[_Response]) -> list[Problem]:
    first: dict[tuple, str] = {}
    problems = []
    for response in responses:
        if response.key in first:
            problems.append(
                Problem(
                    response.name,
                    f"the same client, session, instrument and respondent as {first[response.key]}",
                )
            )
        first.setdefault(response.key, response.name)
    return problems


def _frame(responses: list[_Response]) -> pd.DataFrame:
    rows = [
        {
            "client_id": r.key[0],
            "session": str(r.key[1]),
            "instrument": r.key[2],
            "item": item,
            "value": None if value is None else str(value),
            "respondent": r.key[3] if r.respondent_given else None,
            "therapist_id": r.therapist_id,
            "date": r.date,
            "language": r.language,
        }
        for r in responses
        for item, value in r.answers
    ]
    frame = pd.DataFrame(rows, columns=ANSWER_COLUMNS + ANSWER_OPTIONAL, dtype=object)
    return frame[ANSWER_COLUMNS + _optional_columns(frame)]


def _optional_columns(frame: pd.DataFrame) -> list[str]:
    """Each optional column that any response fills (the respondent from its source)."""
    return [column for column in ANSWER_OPTIONAL if frame[column].notna().any()]
