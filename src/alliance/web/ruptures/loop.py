"""The repair loop's follow-up step (registered in RupturesConfig.ready), run once the answers
are committed: the rupture detector over the client's series."""

from __future__ import annotations

from alliance.web.followup.context import FollowUp

from .follow import follow_client


def rupture_step(follow_up: FollowUp) -> None:
    """Run the clinic's detector over the client's series; store and explain what it found."""
    follow_client(follow_up.client, follow_up.sessions, settings=follow_up.settings)
