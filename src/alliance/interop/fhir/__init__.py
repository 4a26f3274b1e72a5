"""FHIR R4 in and out (pure; the models and their validation come from `fhir.resources` R4B).

Stable API:

- `questionnaire(instrument, language="en") -> dict`: a shipped instrument (or its id) as a
  Questionnaire written in `language`, its other languages as translation extensions;
  `questionnaires(language="en")` gives one for every shipped instrument.
- `export_bundle(answers, scores=None, *, bundle_type="collection", with_questionnaires=True)`:
  interchange answers as a Bundle of Questionnaires, Patients, Practitioners,
  QuestionnaireResponses and Observations (scores are computed when not given).
- `everything_bundle(answers, scores=None) -> dict`: one client's answers and scores as a
  `searchset` Bundle, for `Patient/{code}/$everything`.
- `read_bundle(bundle) -> DataFrame`: the QuestionnaireResponses of any Bundle back into
  interchange answers; `read_transaction(bundle)` does the same for a `transaction` Bundle only.
- `read_wording(questionnaire, instrument=None, *, language=None) -> Wording`: the item wording
  of a licensed Questionnaire, checked against a shipped instrument's structure.
- Errors: `FhirError` (a ValueError) whose `problems` each name the resource, the item and the
  problem; bad answer tables raise `alliance.interop.tables.TableError` naming the row.

Every function takes and returns JSON-ready dicts (readers also take JSON text); `to_json`
writes one. Codes and URLs are in `codes` (see docs/fhir.md).
"""

from __future__ import annotations

import json

from .bundles import everything_bundle, export_bundle
from .codes import BASE, CODE_SYSTEM, MEDIA_TYPE
from .errors import FhirError, Problem
from .questionnaire import WRITTEN_IN, questionnaire, questionnaires
from .reading import read_bundle, read_transaction
from .wording import Wording, read_wording


def to_json(resource: dict) -> str:
    return json.dumps(resource, indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "BASE",
    "CODE_SYSTEM",
    "MEDIA_TYPE",
    "FhirError",
    "Problem",
    "Wording",
    "everything_bundle",
    "export_bundle",
    "WRITTEN_IN",
    "questionnaire",
    "questionnaires",
    "read_bundle",
    "read_transaction",
    "read_wording",
    "to_json",
]
