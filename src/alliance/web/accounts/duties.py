"""Separation of duties: a clinic admin manages staff and settings and holds no clinical
relationship. A clinic that wants one person in both roles sets ALLIANCE_ADMINS_MAY_TREAT; each
such grant is then audited and the admin's staff list shows who holds both.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError

from .models import Role

BOTH_ROLES = "set ALLIANCE_ADMINS_MAY_TREAT=true to let one person hold both roles"


def admins_may_treat() -> bool:
    return settings.ADMINS_MAY_TREAT


def holds_clinical_relationship(user) -> bool:
    """Whether the user treats a client or supervises a team."""
    if user is None or user.pk is None:
        return False
    return user.clients.exists() or user.supervised_teams.exists()


def check_supervisor(supervisor) -> None:
    """A team's supervisor is never a clinic admin (unless the clinic allows both roles)."""
    if supervisor is not None and supervisor.is_clinic_admin and not admins_may_treat():
        raise ValidationError(f"a clinic admin cannot supervise a team; {BOTH_ROLES}")


def check_role(user, role: str) -> None:
    """Someone who treats clients or supervises a team cannot be made a clinic admin."""
    if role == Role.ADMIN and holds_clinical_relationship(user) and not admins_may_treat():
        raise ValidationError(
            f"this person treats clients or supervises a team, so cannot be a clinic admin; "
            f"{BOTH_ROLES}"
        )


def may_take_clients(user) -> bool:
    """Whether the user may add clients to their own caseload."""
    return not user.is_clinic_admin or admins_may_treat()
