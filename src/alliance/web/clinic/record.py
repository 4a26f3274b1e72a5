"""Changes to the record made by staff: new clients, sessions and episode endings, each audited
(goals and tasks are the goals app's)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max

from .audit import record
from .models import Attendance, Client, Episode, Session


@transaction.atomic
def add_client(*, therapist, display_name: str = "", started: dt.date) -> Client:
    """A new client with an open episode of care."""
    client = Client.objects.create(
        clinic_id=therapist.clinic_id, therapist=therapist, display_name=display_name
    )
    Episode.objects.create(client=client, started=started)
    record(therapist, client, "client-created", client)
    return client


def open_episode(client: Client, *, started: dt.date) -> Episode:
    """The client's open episode, starting one when there is none."""
    found = client.episodes.filter(ended__isnull=True).order_by("-started").first()
    return found or Episode.objects.create(client=client, started=started)


@transaction.atomic
def add_session(
    client: Client, *, date: dt.date, attendance: str = Attendance.ATTENDED, by
) -> Session:
    """The client's next session, numbered after the last one."""
    Client.objects.select_for_update().filter(pk=client.pk).first()  # serialise numbering
    last = client.sessions.aggregate(last=Max("number"))["last"] or 0
    session = Session.objects.create(
        client=client,
        episode=open_episode(client, started=date),
        number=last + 1,
        date=date,
        attendance=attendance,
    )
    record(by, client, "session-added", session)
    return session


@transaction.atomic
def end_episode(client: Client, *, ended: dt.date, ending: str, by) -> Episode | None:
    """Close the client's open episode of care; the client leaves the caseload."""
    episode = client.episodes.filter(ended__isnull=True).order_by("-started").first()
    if episode is None:
        return None
    episode.ended, episode.ending = ended, ending
    episode.save(update_fields=["ended", "ending"])
    record(by, client, "episode-ended", episode)
    return episode


@transaction.atomic
def reopen_episode(client: Client, *, by) -> Episode | None:
    """Undo the ending of the client's last episode when none is open; the client is back on the
    caseload with the same episode, so its sessions and outcome stay one course of care."""
    if client.episodes.filter(ended__isnull=True).exists():
        return None
    episode = client.episodes.order_by("-ended", "-started").first()
    if episode is None:
        return None
    episode.ended, episode.ending = None, ""
    episode.save(update_fields=["ended", "ending"])
    record(by, client, "episode-reopened", episode)
    return episode
