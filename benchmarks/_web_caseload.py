"""A full caseload (clients, sessions, scored check-ins, alerts) and timed renders of its page."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance.measures import get_instrument, score_one
from alliance.web.caseload.backfill import refresh_clients
from alliance.web.clinic.models import Alert, Client, Respondent, Response, Session, Severity

from ._web_data import GOALS_PER_CLIENT, add_clients, clinic_with_therapist

INSTRUMENTS = {
    "alliance-checkin": Respondent.CLIENT,
    "phq-9": Respondent.CLIENT,
    "goal-progress": Respondent.CLIENT,
    "alliance-checkin-t": Respondent.THERAPIST,
}
ANSWER_POOL = 40  # distinct scored answer sets per instrument, reused so seeding stays quick
OPEN_ALERT_EVERY = 7  # every 7th client has an open alert, every 21st an urgent one
PAST_ALERT_EVERY = 9  # an acknowledged alert every 9th session, as a real history would hold


@dataclass
class CaseloadTiming:
    median_ms: float
    renders: int
    queries: int
    rows: int


def _answer_pool(instrument_id: str, rng) -> list[tuple[dict, object]]:
    """Seeded answer sets with their scores; goal-progress answers name goals by position."""
    items = [item for item in get_instrument(instrument_id).items if item.kind != "text"]
    if instrument_id == "goal-progress":
        items = [(str(n), items[0]) for n in range(GOALS_PER_CLIENT)]
    else:
        items = [(item.id, item) for item in items if item.required]
    pool = []
    for _ in range(ANSWER_POOL):
        answers = {item_id: int(rng.choice(item.values)) for item_id, item in items}
        pool.append((answers, score_one(instrument_id, answers)))
    return pool


def _responses(client: Client, sessions: list[Session], pools: dict, rng) -> list[Response]:
    goal_ids = [str(pk) for pk in client.goals.values_list("pk", flat=True)]
    found = []
    for instrument_id, respondent in INSTRUMENTS.items():
        for session in sessions:
            answers, score = pools[instrument_id][int(rng.integers(ANSWER_POOL))]
            if instrument_id == "goal-progress":
                answers = {goal_ids[int(n)]: value for n, value in answers.items()}
            found.append(
                Response(
                    client=client,
                    session=session,
                    instrument=instrument_id,
                    respondent=respondent,
                    answers=answers,
                    scores=score.scores,
                    band=score.band or "",
                    flags=list(score.flags),
                    submitted_at=_evening(session.date),
                )
            )
    return found


def _evening(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(17, 0)))


def _alerts(client: Client, index: int, responses: list[Response]) -> list[Alert]:
    found = [
        Alert(
            client=client,
            response=r,
            kind="alliance-review",
            severity=Severity.INFO,
            message="Past alert.",
            created_at=r.submitted_at,
            acknowledged_at=r.submitted_at,
            acknowledged_by=client.therapist,
        )
        for r in responses[:: PAST_ALERT_EVERY * len(INSTRUMENTS)]
    ]
    if index % OPEN_ALERT_EVERY == 0:
        urgent = index % (3 * OPEN_ALERT_EVERY) == 0
        found.append(
            Alert(
                client=client,
                response=responses[-1],
                kind="benchmark",
                severity=Severity.URGENT if urgent else Severity.WARNING,
                message="Open alert.",
                created_at=responses[-1].submitted_at,
            )
        )
    return found


@transaction.atomic
def seed_caseload(username: str, n_clients: int, n_sessions: int, *, seed: int = 2):
    """A therapist with n_clients in care, each with n_sessions of scored check-ins."""
    rng = np.random.default_rng(seed)
    therapist = clinic_with_therapist(username)
    pools = {instrument_id: _answer_pool(instrument_id, rng) for instrument_id in INSTRUMENTS}
    for index, client in enumerate(add_clients(therapist, n_clients, n_sessions)):
        responses = Response.objects.bulk_create(
            _responses(client, list(client.sessions.all()), pools, rng)
        )
        Alert.objects.bulk_create(_alerts(client, index, responses))
    refresh_clients(Client.objects.filter(clinic_id=therapist.clinic_id))  # bulk: backfilled
    return therapist


def past_second_step(browser: HttpClient, user) -> None:
    """Mark the session as past two-factor login, with a confirmed device of the user."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="benchmark", confirmed=True)
    session = browser.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def time_caseload(therapist, *, renders: int = 7) -> CaseloadTiming:
    """Median server time of the caseload page over several renders, and its query count."""
    browser = HttpClient()
    browser.force_login(therapist)
    past_second_step(browser, therapist)
    _render(browser)  # the first render fills template and URL caches
    times = []
    for _ in range(renders):
        start = time.perf_counter()
        _render(browser)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        page = _render(browser)
    rows = page.content.decode().count('<th scope="row">')
    return CaseloadTiming(statistics.median(times), renders, len(queries.captured_queries), rows)


def _render(browser: HttpClient):
    page = browser.get("/caseload/")
    if page.status_code != 200:
        raise RuntimeError(f"the caseload answered {page.status_code}, not 200")
    return page
