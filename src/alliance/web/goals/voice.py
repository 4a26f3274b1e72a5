"""The client's voice on their goals: stored with their check-in, answered by their therapist.

At check-in the client may propose a goal in their own words and say which goal matters most
now; their therapist accepts a proposal as it is, reframes its wording with the client and then
accepts it, or keeps it listed to discuss. Every step is audited."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from alliance.web.clinic.audit import event, record
from alliance.web.clinic.models import AuditEvent, Client, Goal, GoalStatus, Session

from .models import GoalFocus, GoalProposal, ProposalStatus

PROPOSAL, MOST_NOW = "goal-proposal", "goal-most-now"


def store_voice(session: Session, ratings: Mapping[str, object]) -> list[AuditEvent]:
    """Store a check-in's proposal and "matters most now"; call in the check-in's transaction.
    Returns the unsaved audit rows for the caller to write. A goal chosen as mattering most
    that is no longer the client's active goal is left out."""
    found = []
    text = str(ratings.get(PROPOSAL) or "").strip()
    if text:
        proposal = GoalProposal.objects.create(client=session.client, session=session, text=text)
        found.append(event(None, session.client, "goal-proposed", proposal))
    chosen = str(ratings.get(MOST_NOW) or "")
    goal = _active_goal(session.client_id, chosen)
    if goal is not None:
        focus = GoalFocus.objects.create(session=session, goal=goal)
        found.append(event(None, session.client, "goal-most-now-said", focus))
    return found


def _active_goal(client_id: int, chosen: str) -> Goal | None:
    if not chosen.isdigit():
        return None
    return Goal.objects.filter(
        client_id=client_id, pk=int(chosen), status=GoalStatus.ACTIVE
    ).first()


def open_proposals(client: Client):
    """Proposals not yet accepted, oldest first, with the session they came from."""
    return client.goal_proposals.exclude(status=ProposalStatus.ACCEPTED).select_related("session")


def accepted_proposals(client: Client):
    return client.goal_proposals.filter(status=ProposalStatus.ACCEPTED).select_related(
        "session", "goal"
    )


def latest_focus(client: Client) -> GoalFocus | None:
    """What the client said matters most at their latest check-in that said it."""
    return (
        GoalFocus.objects.filter(session__client=client)
        .select_related("session", "goal")
        .order_by("-session__number")
        .first()
    )


@transaction.atomic
def accept(proposal: GoalProposal, *, by, wording: str = "") -> Goal:
    """The proposal becomes the client's newest goal: in their words, or in the wording agreed
    together when reframed (the proposal keeps the client's own words either way)."""
    client = proposal.client
    goal = Goal.objects.create(
        client=client,
        text=wording or proposal.text,
        priority=client.goals.filter(status=GoalStatus.ACTIVE).count() + 1,
    )
    proposal.status, proposal.goal = ProposalStatus.ACCEPTED, goal
    proposal.save(update_fields=["status", "goal"])
    reframed = bool(wording) and wording != proposal.text
    record(by, client, "goal-proposal-reframed" if reframed else "goal-proposal-accepted", proposal)
    record(by, client, "goal-added", goal)
    return goal


@transaction.atomic
def to_discuss(proposal: GoalProposal, *, by) -> None:
    """Keep the proposal listed, marked to talk through together at the next session."""
    proposal.status = ProposalStatus.TO_DISCUSS
    proposal.save(update_fields=["status"])
    record(by, proposal.client, "goal-proposal-to-discuss", proposal)
