"""What a follow-up step is given: the client (its row locked) and the sessions to follow up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from alliance.web.clinic.models import Client, ClinicSettings, Session


@dataclass
class FollowUp:
    """The pending work of one client, run in one transaction after the client row is locked."""

    client: Client
    sessions: list[Session]  # every session whose answers arrived, by number
    checkin_sessions: list[Session]  # those answered by the client through a check-in link
    settings: ClinicSettings


Step = Callable[[FollowUp], None]
