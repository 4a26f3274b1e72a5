"""Build outcome histories for the outcome and report tests: a client's scores session by
session, or a whole synthetic clinic stored in bulk."""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command

from alliance.simulate import simulate_clinic
from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Client, Ending, Episode, Response, Session
from tests.web.summary_helpers import store_and_follow_up

START = dt.date(2025, 1, 6)


def phq(total: int) -> dict[str, int]:
    """PHQ-9 answers with this total (0-24) and item 9 at 0."""
    items = {str(n): min(3, max(0, total - 3 * (n - 1))) for n in range(1, 9)}
    return items | {"9": 0}


def gad(total: int) -> dict[str, int]:
    """GAD-7 answers with this total (0-21)."""
    return {str(n): min(3, max(0, total - 3 * (n - 1))) for n in range(1, 8)}


def alliance(rating: int) -> dict[str, int]:
    return {str(n): rating for n in range(1, 7)} | {"8": 0}


def store_series(
    client: Client,
    totals: list[int],
    *,
    anxiety: list[int] | None = None,
    rating: int = 8,
    follow_up: bool = False,
) -> None:
    """Session n gets PHQ-9 totals[n-1] (and GAD-7 anxiety[n-1]) and an alliance check-in,
    followed up as a check-in is with `follow_up` (what the caseload and team pages read)."""
    for number, total in enumerate(totals, start=1):
        answers = {"alliance-checkin": alliance(rating), "phq-9": phq(total)}
        if anxiety is not None:
            answers["gad-7"] = gad(anxiety[number - 1])
        session = client.sessions.get(number=number)
        if follow_up:
            store_and_follow_up(session, answers)
        else:
            store_answers(session, answers, respondent="client")


def seed_clinic_history(clinic, therapist, *, n_clients: int = 40, seed: int = 3) -> None:
    """Ended episodes of a synthetic clinic stored in bulk: scores only, no alerts."""
    synthetic = simulate_clinic(n_clients=n_clients, seed=seed, min_sessions=3, max_sessions=12)
    for row in synthetic.clients.itertuples():
        client = Client.objects.create(
            clinic=clinic, therapist=therapist, code=f"H-{row.client_id}"
        )
        rows = synthetic.sessions[synthetic.sessions["client_id"] == row.client_id]
        end = START + dt.timedelta(weeks=len(rows))
        episode = Episode.objects.create(
            client=client,
            started=START,
            ended=end,
            ending=Ending.DROPPED_OUT if row.ended == "dropped-out" else Ending.COMPLETED,
        )
        _bulk_sessions(client, episode, rows)
    call_command("refresh_summaries", clinic=clinic.pk)  # a bulk import is summed up after


def _bulk_sessions(client: Client, episode: Episode, rows) -> None:
    sessions = Session.objects.bulk_create(
        [
            Session(
                client=client,
                episode=episode,
                number=int(r.session),
                date=START + dt.timedelta(weeks=int(r.session)),
            )
            for r in rows.itertuples()
        ]
    )
    responses = []
    for session, r in zip(sessions, rows.itertuples(), strict=True):
        responses.append(_response(client, session, "phq-9", {"total": round(r.outcome)}))
        responses.append(
            _response(
                client,
                session,
                "alliance-checkin",
                {"total": r.alliance, "goal": r.goal, "task": r.task, "bond": r.bond},
            )
        )
    Response.objects.bulk_create(responses)


def _response(client, session, instrument: str, scores: dict) -> Response:
    return Response(
        client=client,
        session=session,
        instrument=instrument,
        respondent="client",
        answers={},
        scores={k: float(v) for k, v in scores.items()},
        band="",
        flags=[],
        submitted_at=dt.datetime.combine(session.date, dt.time(12), tzinfo=dt.UTC),
    )
