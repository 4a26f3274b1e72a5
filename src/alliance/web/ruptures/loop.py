"""The repair loop's follow-up step (registered in RupturesConfig.ready), run once the answers
are committed: the rupture detector over the client's series."""

from __future__ import annotations

from alliance.web.followup.context import FollowUp

from .follow import NOT_FOUND_YET, detected_events, follow_client

PREPARED = "ruptures"


def prepare_ruptures(follow_ups: list[FollowUp]) -> None:
    """Before the follow-ups' transactions: run the clinic's detector over each client's series
    (one client at a time, as everywhere in the app)."""
    for follow_up in follow_ups:
        follow_up.prepared[PREPARED] = detected_events(follow_up.client, follow_up.settings)


def rupture_step(follow_up: FollowUp) -> None:
    """Store and explain what the detector found (running it now if it was not run before)."""
    follow_client(
        follow_up.client,
        follow_up.sessions,
        settings=follow_up.settings,
        events=follow_up.prepared.get(PREPARED, NOT_FOUND_YET),
    )
