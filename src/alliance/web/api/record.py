"""A client's record: responses with their scores, goals, tasks, ruptures and outcome."""

from __future__ import annotations

from ninja import Query, Router

from alliance.measures import UnknownInstrumentError, get_instrument
from alliance.web.outcome.page import outcome_context

from .access import readable_client
from .errors import ERRORS, Invalid
from .outcome import outcome_record
from .paging import Paging, changed_since, page
from .reads import audit_read
from .records import goal_record, response_record, rupture_record, task_record
from .schemas import GoalPage, OutcomeOut, ResponsePage, RupturePage, TaskPage

router = Router(tags=["record"])


def known_instrument(instrument: str) -> str:
    try:
        return get_instrument(instrument).id
    except UnknownInstrumentError:
        raise Invalid("instrument", f"unknown instrument {instrument[:50]!r}") from None


@router.get("/clients/{code}/responses", response={200: ResponsePage, **ERRORS})
def list_responses(request, code: str, paging: Query[Paging], instrument: str | None = None):
    """Every administration with its raw answers, scores, band and flags, oldest first."""
    client = readable_client(request, code)
    found = client.responses.select_related("session").order_by("session__number", "pk")
    if instrument is not None:
        found = found.filter(instrument=known_instrument(instrument))
    items, count = page(
        changed_since(found, paging, "submitted_at", target_model="response"), paging
    )
    audit_read(request, client, "responses")
    return {"items": [response_record(r) for r in items], "count": count}


@router.get("/clients/{code}/goals", response={200: GoalPage, **ERRORS})
def list_goals(request, code: str, paging: Query[Paging]):
    client = readable_client(request, code)
    found = changed_since(
        client.goals.order_by("priority", "pk"), paging, "created_at", target_model="goal"
    )
    items, count = page(found, paging)
    audit_read(request, client, "goals")
    return {"items": [goal_record(g) for g in items], "count": count}


@router.get("/clients/{code}/tasks", response={200: TaskPage, **ERRORS})
def list_tasks(request, code: str, paging: Query[Paging]):
    client = readable_client(request, code)
    found = changed_since(client.tasks.order_by("pk"), paging, "created_at", target_model="task")
    items, count = page(found, paging)
    audit_read(request, client, "tasks")
    return {"items": [task_record(t) for t in items], "count": count}


@router.get("/clients/{code}/ruptures", response={200: RupturePage, **ERRORS})
def list_ruptures(request, code: str, paging: Query[Paging]):
    """Rupture episodes with their repair record, by onset."""
    client = readable_client(request, code)
    found = client.ruptures.select_related("client", "recorded_by").order_by("onset_session")
    found = changed_since(
        found, paging, "detected_at", "resolved_at", "recorded_at", target_model="rupture"
    )
    items, count = page(found, paging)
    audit_read(request, client, "ruptures")
    return {"items": [rupture_record(r) for r in items], "count": count}


@router.get("/clients/{code}/outcome", response={200: OutcomeOut, **ERRORS})
def get_outcome(request, code: str):
    """Change since intake, recovery, the place on the expected course and dropout risk."""
    client = readable_client(request, code)
    responses = list(client.responses.select_related("session", "client"))
    audit_read(request, client, "outcome")
    return outcome_record(client, outcome_context(client, responses))
