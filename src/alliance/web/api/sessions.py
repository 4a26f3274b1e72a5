"""Sessions, and the check-in link of a session."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.http import Http404
from ninja import Path, Query, Router, Status

from alliance.web.clinic.models import CheckinSubmission, Respondent, Response
from alliance.web.clinic.record import add_session

from .access import own_client, readable_client
from .checkin import create_checkin_link
from .errors import ERRORS
from .inputs import CheckinLinkIn, SessionIn
from .paging import Paging, changed_since, page
from .reads import audit_read
from .records import session_record
from .schemas import CheckinLinkOut, SessionOut, SessionPage

router = Router(tags=["sessions"])
NUMBER = Path(..., ge=1, le=2**31 - 1, description="The session's number for this client.")


def with_checkin(sessions):
    kept = CheckinSubmission.objects.filter(session=OuterRef("pk"))
    stored = Response.objects.filter(session=OuterRef("pk"), respondent=Respondent.CLIENT)
    return sessions.annotate(checkin_stored=Exists(kept) | Exists(stored))


def find_session(client, number: int):
    found = with_checkin(client.sessions.filter(number=number)).first()
    if found is None:
        raise Http404("no such session")
    return found


@router.get("/clients/{code}/sessions", response={200: SessionPage, **ERRORS})
def list_sessions(request, code: str, paging: Query[Paging]):
    client = readable_client(request, code)
    found = with_checkin(client.sessions.order_by("number"))
    since = paging.since()
    if since is not None:  # a session is changed by its audited rows and its answers
        answered = Response.objects.filter(session=OuterRef("pk"), submitted_at__gte=since)
        found = found.filter(Exists(answered)) | changed_since(
            found, paging, target_model="session"
        )
    items, count = page(found, paging)
    audit_read(request, client, "sessions")
    return {"items": [session_record(s, client.code) for s in items], "count": count}


@router.get("/clients/{code}/sessions/{number}", response={200: SessionOut, **ERRORS})
def get_session(request, code: str, number: int = NUMBER):
    client = readable_client(request, code)
    session = find_session(client, number)
    audit_read(request, client, "session")
    return session_record(session, client.code)


@router.post("/clients/{code}/sessions", response={201: SessionOut, **ERRORS})
def create_session(request, code: str, payload: SessionIn):
    """The client's next session, numbered after the last one (own clients only)."""
    client = own_client(request, code)
    session = add_session(client, date=payload.date, attendance=payload.attendance, by=request.user)
    return Status(201, session_record(find_session(client, session.number), client.code))


@router.post(
    "/clients/{code}/sessions/{number}/checkin-link",
    response={201: CheckinLinkOut, 202: CheckinLinkOut, **ERRORS},
)
def checkin_link(request, code: str, payload: CheckinLinkIn, number: int = NUMBER):
    """A one-use check-in link: its URL is answered once with `send` "none", else it is sent
    to the client (202) and never shown."""
    client = own_client(request, code)
    session = find_session(client, number)
    return create_checkin_link(request, session, payload.send)
