"""Seed the demo clinic: simulated clients, sessions and answers, stored like real check-ins."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.db import transaction
from django.utils import timezone

from alliance.simulate import simulate_clinic
from alliance.web.accounts.models import Clinic
from alliance.web.caseload.summary import refresh_alerts
from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.instruments import ALLIANCE, COMMENT_ITEM
from alliance.web.clinic.models import Alert, AlertKind, Client, Ending, Episode, Goal, Session
from alliance.web.delivery.demo import seed_demo_delivery

from .followup import (
    follow_up_seeded,
    mark_answered,
    record_some_reviews,
    seed_task_checks,
    seed_tasks,
)
from .people import CLINIC_NAME, DEMO_PASSWORD, create_staff
from .voice import matters_most, proposal_steps, propose

GOALS = [
    "Sleep through the night more often",
    "Feel less on edge at work",
    "Get back in touch with my sister",
    "Go to the shops without panicking",
    "Stop putting myself down all the time",
    "Enjoy my weekends again",
]
COMMENTS = [
    "I felt a bit rushed at the end.",
    "I was not sure why we went back over last week.",
    "It helped to slow down today.",
    "I would like more time on my own goals.",
]
ACTIVE_SHARE = 0.7
STANDING = [AlertKind.NOT_ON_TRACK, AlertKind.RUPTURE]  # still true today, so still to act on


def is_seeded() -> bool:
    return Clinic.objects.filter(name=CLINIC_NAME).exists()


@transaction.atomic
def seed_demo(*, n_clients: int = 60, seed: int = 7, today: dt.date | None = None) -> bool:
    """Seed once; returns False (and changes nothing) when the demo clinic already exists."""
    if is_seeded():
        return False
    today = today or timezone.localdate()
    sim = simulate_clinic(n_clients=n_clients, seed=seed, n_therapists=4)
    clinic, therapists = create_staff()
    by_id = dict(zip(sorted(sim.therapists["therapist_id"]), therapists, strict=True))
    rng = np.random.default_rng(seed)
    voice = Voice(np.random.default_rng(seed + 1), proposal_steps())
    for client_row in sim.clients.itertuples():
        sessions = sim.sessions[sim.sessions["client_id"] == client_row.client_id]
        answers = sim.answers[sim.answers["client_id"] == client_row.client_id]
        _seed_client(
            clinic, by_id[client_row.therapist_id], client_row, sessions, answers, rng, today, voice
        )
    seed_demo_delivery(clinic, therapists[0], DEMO_PASSWORD)
    return True


@dataclass
class Voice:
    """The client's voice draws from its own generator, so the rest of the demo stays as it was."""

    rng: np.random.Generator
    steps: Iterator[str | None]


def _seed_client(clinic, therapist, row, sessions, answers, rng, today, voice: Voice) -> None:
    active = row.ended != Ending.DROPPED_OUT and rng.random() < ACTIVE_SHARE
    last = pd.Timestamp(sessions["date"].max()).date()
    shift = (
        (today - dt.timedelta(days=int(rng.integers(1, 15)))) - last
        if active
        else (today - dt.timedelta(days=int(rng.integers(30, 200)))) - last
    )
    client = Client.objects.create(clinic=clinic, code=row.client_id, therapist=therapist)
    first = pd.Timestamp(sessions["date"].min()).date() + shift
    episode = Episode.objects.create(
        client=client,
        started=first,
        ended=None if active else last + shift,
        ending="" if active else row.ended,
    )
    goals = [
        Goal.objects.create(client=client, text=text, priority=n + 1)
        for n, text in enumerate(rng.choice(GOALS, size=int(rng.integers(1, 4)), replace=False))
    ]
    tasks = seed_tasks(client, goals, rng)
    for session_row in sessions.itertuples():
        session = Session.objects.create(
            client=client,
            episode=episode,
            number=int(session_row.session),
            date=pd.Timestamp(session_row.date).date() + shift,
        )
        if _seed_answers(session, session_row, answers, goals, tasks, rng):
            matters_most(session, goals, voice.rng)
    if active:
        propose(client, therapist, next(voice.steps), voice.rng)
    follow_up_seeded(client)
    _acknowledge_old_alerts(client, therapist)
    record_some_reviews(client, therapist, rng)


def _seed_answers(session, session_row, answers, goals, tasks, rng) -> bool:
    """Store the session's answers; True when the client answered a check-in."""
    here = answers[answers["session"] == session.number]
    by_instrument = {
        (instrument, respondent): dict(
            zip(rows["item"].astype(str), rows["value"].astype(int), strict=True)
        )
        for (instrument, respondent), rows in here.groupby(["instrument", "respondent"])
    }
    when = timezone.make_aware(dt.datetime.combine(session.date, dt.time(17, 0)))
    client_answers = {i: a for (i, who), a in by_instrument.items() if who == "client"}
    if ALLIANCE in client_answers and session_row.rupture_reported and rng.random() < 0.5:
        client_answers[ALLIANCE][COMMENT_ITEM] = str(rng.choice(COMMENTS))
    if client_answers:
        client_answers["goal-progress"] = _progress(goals, session_row.outcome, rng)
        seed_task_checks(session, tasks, bool(session_row.rupture_reported), rng)
    store_answers(session, client_answers, respondent="client", submitted_at=when)
    mark_answered(session, by_client=bool(client_answers))
    therapist_answers = {i: a for (i, who), a in by_instrument.items() if who == "therapist"}
    if therapist_answers:
        store_answers(
            session,
            therapist_answers,
            respondent="therapist",
            entered_by=session.client.therapist,
            submitted_at=when,
        )
    return bool(client_answers)


def _progress(goals, outcome, rng) -> dict[str, int]:
    level = 10 * (1 - float(outcome) / 27)
    return {str(goal.pk): int(np.clip(round(level + rng.normal(0, 1.5)), 0, 10)) for goal in goals}


def _acknowledge_old_alerts(client: Client, therapist) -> None:
    """Alerts before the latest session were taken on by the therapist at the next session."""
    latest = client.sessions.order_by("-number").first()
    if latest is None:
        return
    old = (
        Alert.objects.filter(client=client)
        .exclude(response__session=latest)
        .exclude(kind__in=STANDING, closed_at__isnull=True)
    )
    old.acknowledge(therapist)
    refresh_alerts([client.pk])  # a bulk update sends no signal: the summary is told here
