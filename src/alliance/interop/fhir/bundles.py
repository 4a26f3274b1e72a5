"""Answers (and their scores) out as a Bundle: Questionnaires, people, responses, observations."""

from __future__ import annotations

import pandas as pd

from alliance.measures import score_answers

from .administrations import Administration, administrations, text
from .observations import observations
from .questionnaire import questionnaire
from .responses import patient, practitioner, response, response_urn
from .validation import checked

Entries = list[dict]
BUNDLE_TYPES = ("collection", "searchset", "transaction", "batch")


def export_bundle(
    answers: pd.DataFrame,
    scores: pd.DataFrame | None = None,
    *,
    bundle_type: str = "collection",
    with_questionnaires: bool = True,
) -> dict:
    """A Bundle of the answers: Questionnaires (of the instruments used), Patients,
    Practitioners, one QuestionnaireResponse per administration and an Observation per score.

    `scores` is `alliance.measures.score_answers(answers)` (computed when not given)."""
    if bundle_type not in BUNDLE_TYPES:
        raise ValueError(f"bundle_type {bundle_type!r} is not one of {', '.join(BUNDLE_TYPES)}")
    admins = administrations(answers)
    by_key = _scores_by_key(score_answers(answers) if scores is None else scores)
    entries: Entries = []
    if with_questionnaires:
        entries += _questionnaires(admins)
    entries += _people(admins)
    for admin in admins:
        entries += _administration(admin, by_key.get(admin.key, {}))
    shell = {"resourceType": "Bundle", "type": bundle_type, "entry": [_shell(e) for e in entries]}
    checked(shell, "Bundle")  # each resource was checked as it was made, naming it
    return {"resourceType": "Bundle", "type": bundle_type, "entry": entries}


def _shell(entry: dict) -> dict:
    return {"fullUrl": entry["fullUrl"]}


def everything_bundle(answers: pd.DataFrame, scores: pd.DataFrame | None = None) -> dict:
    """One client's record as a `searchset` Bundle (for `Patient/{code}/$everything`)."""
    return export_bundle(answers, scores, bundle_type="searchset", with_questionnaires=False)


def _entry(full_url: str, resource: dict) -> dict:
    return {"fullUrl": full_url, "resource": resource}


def _questionnaires(admins: list[Administration]) -> Entries:
    used = {admin.instrument.id: admin.instrument for admin in admins}
    found = [questionnaire(inst) for inst in used.values()]
    return [_entry(resource["url"], resource) for resource in found]


def _people(admins: list[Administration]) -> Entries:
    clients = dict.fromkeys(admin.client_id for admin in admins)
    therapists = dict.fromkeys(a.therapist_id for a in admins if a.therapist_id)
    found = [patient(code) for code in clients] + [practitioner(code) for code in therapists]
    return [
        _entry(url, checked(resource, f"{resource['resourceType']} {url}"))
        for url, resource in found
    ]


def _administration(admin: Administration, scores: dict) -> Entries:
    url = response_urn(admin)
    name = f"QuestionnaireResponse for row {admin.row}"
    entries = [_entry(url, checked(response(admin), name))]
    for obs_url, resource in observations(admin, scores):
        entries.append(_entry(obs_url, checked(resource, f"Observation for row {admin.row}")))
    return entries


def _scores_by_key(scores: pd.DataFrame) -> dict[tuple, dict]:
    found = {}
    for record in scores.to_dict("records"):
        session = int(float(str(text(record["session"]))))
        respondent = text(record.get("respondent")) or "client"
        key = (text(record["client_id"]), session, record["instrument"], respondent)
        found[key] = record
    return found
