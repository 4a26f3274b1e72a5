"""What a follow-up step is given: the client (its row locked) and the sessions to follow up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from alliance.web.clinic.models import Client, ClinicSettings, Session


@dataclass
class FollowUp:
    """The pending work of one client, run in one transaction after the client row is locked."""

    client: Client
    sessions: list[Session]  # every session whose answers arrived, by number
    checkin_sessions: list[Session]  # those answered by the client through a check-in link
    settings: ClinicSettings
    marker_ids: list[int] = field(default_factory=list)  # the pending markers it consumes
    # what PREPARE steps computed before the transaction, by the name of the step that uses it;
    # empty when new answers arrived meanwhile, so an ANALYSE step computes for itself then
    prepared: dict[str, Any] = field(default_factory=dict)


Step = Callable[[FollowUp], None]
