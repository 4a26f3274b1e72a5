"""Store a checked history import, all or nothing; history raises no alerts."""

from __future__ import annotations

from django.db import transaction

from alliance.measures import score_one
from alliance.web.clinic.audit import event
from alliance.web.clinic.models import AuditEvent, Client, Episode, Response, Session

from .checks import Plan


@transaction.atomic
def store_import(plan: Plan, *, clinic_id: int, by) -> int:
    """Clients, sessions and responses as planned; the number of responses stored."""
    clients = {code: _client(code, plan, clinic_id) for code in sorted(plan.clients)}
    audit, stored = [], 0
    for key, items in plan.administrations.items():
        code, number, instrument, respondent = key
        client = clients[code]
        session = _session(client, number, plan)
        score = score_one(instrument, items)
        response = Response.objects.create(
            client=client,
            session=session,
            instrument=instrument,
            respondent=respondent,
            answers=items,
            scores=score.scores,
            band=score.band or "",
            flags=list(score.flags),
            language=plan.languages.get(key, ""),
            entered_by=by,
        )
        audit.append(event(by, client, "history-imported", response))
        stored += 1
    AuditEvent.objects.bulk_create(audit)
    return stored


def _client(code: str, plan: Plan, clinic_id: int) -> Client:
    found = Client.objects.filter(code=code).first()
    if found is not None:
        return found
    client = Client.objects.create(clinic_id=clinic_id, code=code, therapist=plan.therapists[code])
    dates = [d for (c, _), d in plan.dates.items() if c == code]
    Episode.objects.create(client=client, started=min(dates))
    return client


def _session(client: Client, number: int, plan: Plan) -> Session:
    found = client.sessions.filter(number=number).first()
    if found is not None:
        return found
    episode = client.episodes.order_by("-started").first()
    return Session.objects.create(
        client=client, episode=episode, number=number, date=plan.dates[(client.code, number)]
    )
