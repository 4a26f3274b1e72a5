"""Seed the web benchmark's clinic through the app's models (Django must be set up first)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db import transaction

from alliance.web.accounts.models import Clinic, Role, Team, User
from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import Client, Episode, Goal, Session

FIRST_DAY = dt.date(2025, 1, 6)
GOALS_PER_CLIENT = 2


@dataclass
class CheckinPost:
    """One check-in a client will submit: where to, and the form fields to send."""

    path: str
    fields: dict[str, str]


def clinic_with_therapist(username: str) -> User:
    """A clinic, a supervised team and one therapist (who logs in only through force_login)."""
    clinic = Clinic.objects.create(name=f"Benchmark clinic ({username})")
    supervisor = User.objects.create_user(
        username=f"{username}-supervisor", clinic=clinic, role=Role.SUPERVISOR
    )
    team = Team.objects.create(clinic=clinic, name="Team", supervisor=supervisor)
    return User.objects.create_user(username=username, clinic=clinic, team=team)


def checkin_fields(goal_ids: list[int], rng: np.random.Generator) -> dict[str, str]:
    """A complete, valid client check-in form with seeded answers."""
    fields = {f"alliance-checkin__{n}": str(rng.integers(5, 11)) for n in range(1, 7)}
    fields |= {"alliance-checkin__8": "0", "alliance-checkin__7": "Fine today."}
    fields |= {f"phq-9__{n}": str(rng.integers(0, 4)) for n in range(1, 9)}
    fields |= {"phq-9__9": "0"}
    fields |= {f"goal-progress__{goal}": str(rng.integers(0, 11)) for goal in goal_ids}
    fields |= {f"goal-agreement__{goal}": str(rng.integers(6, 11)) for goal in goal_ids}
    return fields


@transaction.atomic
def seed_checkin_links(
    n_links: int, *, sessions_per_client: int = 10, seed: int = 1
) -> list[CheckinPost]:
    """Clients with sessions, one fresh check-in link per session, and the answers to send.

    The posts come session by session across clients (every client's session 1, then every
    client's session 2, ...), as a clinic's check-ins arrive: one client never sends two at once.
    """
    rng = np.random.default_rng(seed)
    therapist = clinic_with_therapist("links-therapist")
    posts: list[tuple[int, int, CheckinPost]] = []
    n_clients = -(-n_links // sessions_per_client)
    for order, client in enumerate(add_clients(therapist, n_clients, sessions_per_client)):
        goal_ids = list(client.goals.values_list("pk", flat=True))
        for session in client.sessions.all():
            _, token = create_link(session, by=therapist)
            post = CheckinPost(f"/c/{token}/", checkin_fields(goal_ids, rng))
            posts.append((session.number, order, post))
    return [post for _, _, post in sorted(posts, key=lambda found: found[:2])][:n_links]


def add_clients(therapist: User, n_clients: int, n_sessions: int) -> list[Client]:
    """Clients in care, each with weekly sessions and two goals, written in bulk."""
    clients = Client.objects.bulk_create(
        Client(clinic_id=therapist.clinic_id, therapist=therapist, code=f"{therapist.pk}-{n:04d}")
        for n in range(n_clients)
    )
    episodes = Episode.objects.bulk_create(Episode(client=c, started=FIRST_DAY) for c in clients)
    Session.objects.bulk_create(
        Session(client=c, episode=e, number=s, date=FIRST_DAY + dt.timedelta(weeks=s - 1))
        for c, e in zip(clients, episodes, strict=True)
        for s in range(1, n_sessions + 1)
    )
    Goal.objects.bulk_create(
        Goal(client=c, text=f"Goal {g}", priority=g)
        for c in clients
        for g in range(1, GOALS_PER_CLIENT + 1)
    )
    return clients
