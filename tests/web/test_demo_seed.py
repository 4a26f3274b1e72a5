import datetime as dt

from alliance.web.accounts.models import User
from alliance.web.clinic.access import visible_clients
from alliance.web.clinic.models import Alert, Client, Response, Session
from alliance.web.demo.people import DEMO_PASSWORD, demo_logins
from alliance.web.demo.seed import seed_demo

TODAY = dt.date(2026, 11, 20)


def _counts():
    return [m.objects.count() for m in (User, Client, Session, Response, Alert)]


def test_seeding_twice_changes_nothing_the_second_time(db):
    assert seed_demo(n_clients=6, seed=3, today=TODAY) is True
    before = _counts()
    assert seed_demo(n_clients=6, seed=3, today=TODAY) is False
    assert _counts() == before


def test_the_demo_has_every_role_scored_answers_and_the_documented_logins(db):
    seed_demo(n_clients=8, seed=3, today=TODAY)
    for username, _ in demo_logins():
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD)
    sessions = Session.objects.filter(client__code=Client.objects.first().code)
    assert 3 <= sessions.count() <= 30
    assert all(r.scores for r in Response.objects.all()[:50])
    assert Response.objects.filter(instrument="goal-progress").exists()
    sam, cora = (User.objects.get(username=n) for n in ("sam", "cora"))
    assert not visible_clients(sam).filter(therapist=cora).exists()
    seen = set(visible_clients(sam).values_list("therapist__username", flat=True))
    assert seen <= {"theo", "tia"}
    assert not visible_clients(User.objects.get(username="ada")).exists()
    therapists = User.objects.filter(role="therapist")
    assert sum(visible_clients(t).count() for t in therapists) == Client.objects.count()


def test_active_clients_had_a_recent_session(db):
    seed_demo(n_clients=8, seed=3, today=TODAY)
    for client in Client.objects.filter(episodes__ended__isnull=True):
        last = client.sessions.order_by("-number").first().date
        assert TODAY - dt.timedelta(days=14) <= last < TODAY
