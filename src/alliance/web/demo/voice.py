"""The client's own voice in the demo: goals proposed at a check-in and the goal that matters
most now, stored through the check-in's own code, and the therapist's answer to each proposal
(accepted, reframed and accepted, kept to discuss, or not yet answered)."""

from __future__ import annotations

import itertools

from alliance.web.clinic.models import AuditEvent, Respondent
from alliance.web.goals.voice import MOST_NOW, PROPOSAL, accept, store_voice, to_discuss

NEW, TO_DISCUSS, ACCEPTED, REFRAMED = "new", "to-discuss", "accepted", "reframed"
# Every other client in care proposes a goal, each answered in turn in one of the four ways.
STEPS = (NEW, None, TO_DISCUSS, None, ACCEPTED, None, REFRAMED, None)
PROPOSALS = [
    ("Be able to say no when work asks too much", "Say no to one extra task a week at work"),
    ("Not dread Sunday evenings", "Plan one thing I look forward to on Sunday evenings"),
    ("Phone my dad more", "Phone my dad every Thursday, even for five minutes"),
    ("Cook proper meals again", "Cook a meal from scratch twice a week"),
    ("Stop going over conversations in my head", "Notice when I replay a talk and write it down"),
]
MOST_NOW_SHARE = 0.3  # of the check-ins of a client with more than one goal


def proposal_steps():
    """What the next client in care proposes and how it is answered, in turn for each client."""
    return itertools.cycle(STEPS)


def matters_most(session, goals, rng) -> None:
    """Some check-ins say which goal matters most now, as the check-in asks with two or more."""
    if len(goals) > 1 and rng.random() < MOST_NOW_SHARE:
        chosen = goals[int(rng.integers(len(goals)))]
        AuditEvent.objects.bulk_create(store_voice(session, {MOST_NOW: str(chosen.pk)}))


def propose(client, therapist, step: str | None, rng) -> None:
    """At their latest check-in the client proposes a goal; the therapist answers it by `step`."""
    session = (
        client.sessions.filter(responses__respondent=Respondent.CLIENT).order_by("-number").first()
    )
    if step is None or session is None:
        return
    words, agreed = PROPOSALS[int(rng.integers(len(PROPOSALS)))]
    AuditEvent.objects.bulk_create(store_voice(session, {PROPOSAL: words}))
    proposal = client.goal_proposals.get(session=session)
    if step == TO_DISCUSS:
        to_discuss(proposal, by=therapist)
    elif step in (ACCEPTED, REFRAMED):
        accept(proposal, by=therapist, wording=agreed if step == REFRAMED else "")
