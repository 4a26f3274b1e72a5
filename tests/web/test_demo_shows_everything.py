"""A newcomer walking the seeded demo sees ruptures, reviews, alerts, task concerns, a team and
the client's own voice (goals they proposed, what matters most to them) without entering any
data: seeding runs the same follow-up and stores the voice through the same code as a check-in."""

import datetime as dt

import pytest
from django.urls import reverse

from alliance.web.accounts.models import User
from alliance.web.clinic.models import Alert, AlertKind, Rupture, RuptureStatus, TaskCheck
from alliance.web.demo.seed import seed_demo
from tests.web.conftest import verify_second_step

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def demo(db):
    seed_demo(n_clients=24, seed=7, today=TODAY)


def _logged_in(client, username):
    user = User.objects.get(username=username)  # the demo passwords: test_demo_seed
    client.force_login(user)
    verify_second_step(client, user)
    return client


def _open(**filters):
    active = {"client__episodes__ended__isnull": True}  # the caseload lists active clients
    return Alert.objects.filter(acknowledged_at=None, closed_at=None, **active, **filters)


def test_the_seeded_ruptures_are_both_repaired_and_open_with_some_reviewed(demo):
    statuses = set(Rupture.objects.values_list("status", flat=True))
    assert {RuptureStatus.REPAIRED, RuptureStatus.OPEN} <= statuses
    assert Rupture.objects.exclude(recorded_by=None).exists()


def test_a_client_page_shows_a_rupture_its_review_and_a_task_concern(demo, client):
    rupture = Rupture.objects.exclude(recorded_by=None).select_related("client").first()
    code = rupture.client.code
    page = _logged_in(client, rupture.client.therapist.username).get(reverse("client", args=[code]))
    html = page.content.decode()
    assert "No ruptures found" not in html
    assert reverse("rupture", args=[code, rupture.pk]) in html
    review = client.get(reverse("rupture", args=[code, rupture.pk])).content.decode()
    assert rupture.how_it_went in review
    check = TaskCheck.objects.exclude(concern="").filter(session__client=rupture.client).last()
    assert check is not None and check.concern in html


def test_the_caseload_shows_a_not_on_track_alert(demo, client):
    alert = _open(kind=AlertKind.NOT_ON_TRACK).select_related("client__therapist").first()
    assert alert is not None
    caseload = _logged_in(client, alert.client.therapist.username).get(reverse("caseload"))
    html = caseload.content.decode()
    assert alert.client.code in html
    assert f"{alert.get_severity_display()}: {alert.kind_label}" in html


def test_the_supervisor_sees_the_team_on_the_team_page(demo, client):
    html = _logged_in(client, "sam").get(reverse("team")).content.decode()
    for name in ("theo", "tia"):
        assert User.objects.get(username=name).get_full_name() in html
    assert "Cora Lind" not in html


def test_the_client_pages_show_the_clients_proposals_in_every_state(demo, client):
    from alliance.web.goals.models import GoalProposal, ProposalStatus

    proposals = GoalProposal.objects.select_related("client__therapist", "goal")
    assert {p.status for p in proposals} == set(ProposalStatus.values)
    reframed = next(p for p in proposals if p.goal and p.goal.text != p.text)
    therapist = reframed.client.therapist.username
    html = _logged_in(client, therapist).get(reverse("client", args=[reframed.client.code]))
    assert f"<q>{reframed.goal.text}</q>" in html.content.decode()
    for proposal in proposals.exclude(status=ProposalStatus.ACCEPTED):
        page = _logged_in(client, proposal.client.therapist.username)
        html = page.get(reverse("client", args=[proposal.client.code])).content.decode()
        assert f"<q>{proposal.text}</q>" in html and "Reframe with the client" in html


def test_a_client_page_shows_what_matters_most_to_the_client_now(demo, client):
    from alliance.web.goals.models import GoalFocus

    focus = GoalFocus.objects.select_related("session__client__therapist", "goal").last()
    assert focus is not None
    code = focus.session.client.code
    page = _logged_in(client, focus.session.client.therapist.username)
    html = page.get(reverse("client", args=[code])).content.decode()
    assert "the client said what matters most to them now" in html
