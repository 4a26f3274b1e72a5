"""The follow-up steps, run in this order for every client with pending follow-ups.

A feature adds its analytical work here in one line. A step receives a FollowUp, runs inside the
follow-up's transaction with the client row locked, and must give the same result when run again
over the same history (a failed follow-up is rolled back as a whole and retried).
"""

from __future__ import annotations

from alliance.web.delivery.steps import answered_step, urgent_notice_step
from alliance.web.outcome.alerts import recovery_step
from alliance.web.ruptures.loop import disagreement_step, rupture_step

from .context import Step

FOLLOW_UP_STEPS: list[Step] = [
    rupture_step,
    disagreement_step,
    recovery_step,
    answered_step,
    urgent_notice_step,
]
