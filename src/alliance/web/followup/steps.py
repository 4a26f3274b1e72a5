"""The follow-up steps, registered by the features that own them and run in their order.

Three stages run for every client with work waiting:

- STORE steps take a client id and store what was kept but not stored yet (the check-in app
  stores its kept submissions), in a transaction that first locks the client's row; they commit
  before any analysis, so a failing analysis never holds back the answers.
- PREPARE steps take a list of FollowUps (each: the client, the sessions to follow up, the
  clinic settings; on PostgreSQL several clients when the worker has several waiting, so the
  science can run in bulk; on SQLite one, see `run.group_size`) and only read: outside any
  transaction, they compute what their feature will write (a detector's findings, a place on
  the expected course) and leave it in each `follow_up.prepared` under a key of their own. On
  SQLite a transaction holds the one write lock, so the science is kept out of it.
- ANALYSE steps take the FollowUp and run together, in one transaction with the markers they
  consume, after the client's row is locked. A step uses what its PREPARE step left when it is
  there, and computes it itself when not: `prepared` is emptied when new answers arrived after
  it was computed.
- AFTER steps take the list of FollowUps whose analysis committed, once per run of the worker
  (however many clients it took), each step in a transaction of its own. They do the clinic's
  part of the work, not a client's (the placements made against an older expected course), so
  a failure is logged and left to the next run, and the clients stay done.

A feature registers its step in its AppConfig.ready with an order; the documented orders are:

| order | stage | step | app |
|---|---|---|---|
| 10 | store | the kept check-ins become responses, ratings and alerts | checkin |
| 10 | prepare | rupture detection over the client's series | ruptures |
| 30 | prepare | the client's place on the clinic's expected course | outcome |
| 90 | prepare | the part of the client's summary their answers make | caseload |
| 0 | analyse | the summary's alerts wait for its last step, not rewritten per alert | caseload |
| 10 | analyse | the ruptures found are stored, their alerts raised or closed | ruptures |
| 20 | analyse | task disagreement (after ruptures: an open rupture explains it) | goals |
| 30 | analyse | expected recovery, the not-on-track alert | outcome |
| 40 | analyse | an answered check-in closes its delivery and the missed warning | delivery |
| 50 | analyse | an urgent alert queues the staff email | delivery |
| 90 | analyse | the client's summary for the caseload and team pages | caseload |
| 90 | after | the clinic's summaries placed on an older expected course, placed again | caseload |

A step must give the same result when run again over the same history: a failed follow-up is
rolled back as a whole and retried, and a follow-up may run again after a crash.
"""

from __future__ import annotations

from collections.abc import Callable

from .context import FollowUp, Step

STORE, PREPARE, ANALYSE, AFTER = "store", "prepare", "analyse", "after"
StoreStep = Callable[[int], None]
PrepareStep = Callable[[list[FollowUp]], None]  # an AFTER step has the same shape
_registered: dict[str, dict[str, tuple[int, Callable]]] = {
    STORE: {},
    PREPARE: {},
    ANALYSE: {},
    AFTER: {},
}


def register_step(stage: str, order: int, step: Step | StoreStep | PrepareStep) -> None:
    """Add a step to a stage; registering the same function again replaces it (reloads)."""
    if stage not in _registered:
        raise ValueError(
            f"stage must be {STORE!r}, {PREPARE!r}, {ANALYSE!r} or {AFTER!r}, not {stage!r}"
        )
    _registered[stage][f"{step.__module__}.{step.__qualname__}"] = (order, step)


def steps(stage: str) -> list[Callable]:
    """The stage's steps, by order (then by name, so equal orders stay stable)."""
    found = sorted(_registered[stage].items(), key=lambda item: (item[1][0], item[0]))
    return [step for _, (_, step) in found]
