"""What a follow-up step is given: the client (its row locked) and the sessions to follow up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from alliance.web.clinic.instruments import DEFAULT_OUTCOME, ClinicInstruments, for_clinic
from alliance.web.clinic.models import Client, ClinicSettings, Session

T = TypeVar("T")


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


_analysis_memo: ContextVar[dict | None] = ContextVar("analysis_memo", default=None)


@contextmanager
def remembering() -> Iterator[None]:
    """Within, `analysis_memo()` is one dict the steps of one stage share: the PREPARE steps of
    a follow-up, or the ANALYSE steps of one client. Those steps store no answers and end no
    episode, so what one of them read of the clinic's history holds for the others: its
    version, and the expected course they place on (the caseload summary and the not-on-track
    alert place with the same one)."""
    token = _analysis_memo.set({})
    try:
        yield
    finally:
        _analysis_memo.reset(token)


def analysis_memo() -> dict | None:
    """The running analysis's shared dict (see `remembering`), None outside one."""
    return _analysis_memo.get()


def remembered(key: tuple, compute: Callable[[], T]) -> T:
    """`compute()` once per running analysis for this key (every call outside one computes)."""
    memo = analysis_memo()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def clinic_instruments(clinic_id: int) -> ClinicInstruments:
    """The clinic's instruments, read once per running analysis (see `remembered`)."""
    return remembered(("instruments", clinic_id), lambda: for_clinic(clinic_id))


def remember_instruments(settings: ClinicSettings) -> None:
    """Within a running analysis, the clinic's instruments as its settings, already read, name
    them (what `for_clinic` would read again)."""
    memo = analysis_memo()
    if memo is not None:
        outcome = settings.outcome_instrument or DEFAULT_OUTCOME
        memo[("instruments", settings.clinic_id)] = ClinicInstruments(outcome=outcome)
