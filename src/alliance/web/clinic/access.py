"""The one place that decides which clients a staff member may see.

A user sees the clients they treat, and, as a supervisor, the clients of the therapists in the teams
they supervise; always within their own clinic. Anyone else gets a 404, so existence never leaks.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from .models import Client


def visible_clients(user) -> QuerySet[Client]:
    """Every client this user may see."""
    if not (user.is_authenticated and user.is_active and user.clinic_id):
        return Client.objects.none()
    mine = Q(therapist=user) | Q(therapist__team__supervisor=user)
    return Client.objects.filter(mine, clinic_id=user.clinic_id)


def get_client_for(user, code: str) -> Client:
    """The client with this code if the user may see them, else Http404."""
    try:
        return visible_clients(user).select_related("therapist").get(code=code)
    except Client.DoesNotExist:
        raise Http404("No such client") from None


def get_own_client(user, code: str) -> Client:
    """The client if the user is their therapist (to act, not only to look), else Http404."""
    client = get_client_for(user, code)
    if client.therapist_id != user.pk:
        raise Http404("No such client")
    return client


def visible_therapists(user) -> QuerySet:
    """The staff whose work this user may review: themself, and the members of the teams they
    supervise; always within their own clinic."""
    from alliance.web.accounts.models import User

    if not (user.is_authenticated and user.is_active and user.clinic_id):
        return User.objects.none()
    return User.objects.filter(
        Q(pk=user.pk) | Q(team__supervisor=user), clinic_id=user.clinic_id, is_active=True
    )


def get_therapist_for(user, username: str):
    """The therapist with this username if the user may review them, else Http404."""
    found = visible_therapists(user).filter(username=username).first()
    if found is None:
        raise Http404("No such therapist")
    return found


def supervised_therapists(user) -> QuerySet:
    """The members of the teams this user supervises (not the user), for the team dashboard."""
    return visible_therapists(user).exclude(pk=user.pk).order_by("username")


def exportable_clients(user, scope: str, code: str = "") -> QuerySet[Client]:
    """The clients an export of this scope may hold: "client", one the user treats; "team",
    those of the teams they supervise; "clinic", every client of their clinic for a clinic
    admin (the one read of clients an admin may make, and it is audited). Http404 otherwise."""
    if scope == "client":
        return Client.objects.filter(pk=get_own_client(user, code).pk)
    if scope == "team" and user.is_authenticated and user.supervised_teams.exists():
        return visible_clients(user).filter(therapist__team__supervisor=user)
    if scope == "clinic" and user.is_authenticated and user.is_active and user.is_clinic_admin:
        return Client.objects.filter(clinic_id=user.clinic_id)
    raise Http404("No such export")


def get_client_for_subject_request(user, code: str) -> Client:
    """The client for a subject-access export or an erasure: for a clinic admin of the client's
    own clinic, who holds no clinical relationship and reads nothing else of the record; else
    Http404."""
    if not (user.is_authenticated and user.is_active and user.is_clinic_admin and user.clinic_id):
        raise Http404("No such client")
    try:
        return Client.objects.get(code=code, clinic_id=user.clinic_id)
    except Client.DoesNotExist:
        raise Http404("No such client") from None
