"""Named personas shared by every web test.

Theo is a therapist; Cora a colleague in another team who must not see Theo's clients;
Sam supervises Theo's team; Ada is a clinic admin with no clients; Pia is the privacy officer;
Theo's client C-THEO1 holds a check-in link for session 1. Factories take keyword options so a
test asks for what it needs.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import translation

from alliance.web.accounts.models import Clinic, Role, Team, User
from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import Client, Episode, Goal, Session

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def empty_model_cache():
    """Models fitted per clinic live in the cache; no test may see another test's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def site_language():
    """A request's locale middleware leaves its language active in the thread after the response
    (a server's next request sets its own); no test may inherit a Spanish page's language."""
    yield
    translation.deactivate()


@pytest.fixture
def clinic(db) -> Clinic:
    return Clinic.objects.create(name="Test clinic")


@pytest.fixture
def make_user(clinic):
    def make(
        username: str, *, role: str = Role.THERAPIST, team: Team | None = None, **extra
    ) -> User:
        return User.objects.create_user(
            username=username,
            password=PASSWORD,
            role=role,
            clinic=extra.pop("clinic", clinic),
            team=team,
            **extra,
        )

    return make


@pytest.fixture
def sam(make_user) -> User:
    return make_user("sam", role=Role.SUPERVISOR)


@pytest.fixture
def theos_team(clinic, sam) -> Team:
    return Team.objects.create(clinic=clinic, name="Theo's team", supervisor=sam)


@pytest.fixture
def theo(make_user, theos_team) -> User:
    return make_user("theo", team=theos_team)


@pytest.fixture
def cora(make_user, clinic) -> User:
    return make_user("cora", team=Team.objects.create(clinic=clinic, name="Other team"))


@pytest.fixture
def ada(make_user) -> User:
    return make_user("ada", role=Role.ADMIN, is_staff=True)


@pytest.fixture
def pia(make_user) -> User:
    """The clinic's privacy officer: reads the audit, sees no client."""
    return make_user("pia", role=Role.PRIVACY)


@pytest.fixture
def make_client(clinic):
    def make(
        therapist: User,
        *,
        code: str | None = None,
        sessions: int = 1,
        goals: tuple[str, ...] = ("Sleep better",),
    ) -> Client:
        client = Client.objects.create(
            clinic=clinic, therapist=therapist, **({"code": code} if code else {})
        )
        episode = Episode.objects.create(client=client, started=dt.date(2026, 1, 5))
        for number in range(1, sessions + 1):
            Session.objects.create(
                client=client,
                episode=episode,
                number=number,
                date=dt.date(2026, 1, 5) + dt.timedelta(weeks=number - 1),
            )
        for text in goals:
            Goal.objects.create(client=client, text=text)
        return client

    return make


@pytest.fixture
def theos_client(make_client, theo) -> Client:
    return make_client(theo, code="C-THEO1")


@pytest.fixture
def full_record(make_client, theo) -> Client:
    """Theo's client with something behind every kind of page (see tests/web/every_page.py)."""
    from tests.web.every_page import make_full_record

    return make_full_record(make_client, theo)


@pytest.fixture
def coras_client(make_client, cora) -> Client:
    return make_client(cora, code="C-CORA1")


@pytest.fixture
def checkin_token(theos_client, theo) -> str:
    """The token of a fresh check-in link for Theo's client, session 1."""
    _, token = create_link(theos_client.sessions.get(number=1), by=theo)
    return token


@pytest.fixture
def login(client):
    """Log a persona in on the shared Django test client, both steps (password and a confirmed
    two-factor device), and return that client."""

    def log_in(user: User):
        client.force_login(user)
        verify_second_step(client, user)
        return client

    return log_in


def verify_second_step(client, user: User) -> None:
    """Mark the client's session as past the second step, with a confirmed device of the user."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def valid_answers():
    """Build a complete, valid client check-in POST for a client; None drops a field."""
    return _valid_answers


def _valid_answers(client: Client, **changes: str | None) -> dict[str, str]:
    data = {f"alliance-checkin__{n}": "8" for n in range(1, 7)}
    data.update({"alliance-checkin__8": "0", "alliance-checkin__7": "More time on sleep."})
    data.update({f"phq-9__{n}": "1" for n in range(1, 9)})
    data["phq-9__9"] = "0"
    data.update({f"goal-progress__{goal.pk}": "4" for goal in client.goals.all()})
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued_tasks(settings) -> None:
    """Tasks wait in the database for the worker, as in production (the suite's default runs
    them when queued)."""
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def worker(transactional_db, queued_tasks):
    """Tasks queued in the database, and the real worker to run them (`worker()`). The data is
    committed: the worker closes a connection left inside a transaction, as it should."""
    from tests.web.worker_helpers import run_worker

    return run_worker
