"""The demo staff: fixed, documented logins that exist only in a demo database."""

from __future__ import annotations

from alliance.web.accounts.models import Clinic, Role, Team, User

DEMO_PASSWORD = "alliance-demo"  # documented in docs/clinic.md; demo databases only
CLINIC_NAME = "Demo clinic (synthetic data)"
THERAPISTS = [
    ("theo", "Theo", "Okafor"),
    ("cora", "Cora", "Lind"),
    ("tia", "Tia", "Marsh"),
    ("tom", "Tom", "Reyes"),
]
SUPERVISED = {"theo", "tia"}  # Sam supervises these two; cora and tom are in the other team


def demo_logins() -> list[tuple[str, str]]:
    """(username, role) of every demo login, all with DEMO_PASSWORD."""
    return [
        *((name, "therapist") for name, _, _ in THERAPISTS),
        ("sam", "supervisor"),
        ("ada", "clinic admin"),
        ("kiosk", "kiosk device (opens /kiosk/ only)"),
    ]


def _user(clinic: Clinic, username: str, first: str, last: str, role: str, **extra) -> User:
    return User.objects.create_user(
        username=username,
        password=DEMO_PASSWORD,
        first_name=first,
        last_name=last,
        role=role,
        clinic=clinic,
        **extra,
    )


def create_staff() -> tuple[Clinic, list[User]]:
    """The clinic, two teams, four therapists, a supervisor and an admin; returns the therapists."""
    clinic = Clinic.objects.create(name=CLINIC_NAME)
    sam = _user(clinic, "sam", "Sam", "Varga", Role.SUPERVISOR)
    _user(clinic, "ada", "Ada", "Novak", Role.ADMIN, is_staff=True)
    north = Team.objects.create(clinic=clinic, name="North team", supervisor=sam)
    south = Team.objects.create(clinic=clinic, name="South team")
    therapists = [
        _user(
            clinic, name, first, last, Role.THERAPIST, team=north if name in SUPERVISED else south
        )
        for name, first, last in THERAPISTS
    ]
    sam.team = north
    sam.save(update_fields=["team"])
    return clinic, therapists
