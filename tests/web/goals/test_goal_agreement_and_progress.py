"""The client's agreement with each goal and their progress over time, shown to the therapist,
with low agreement and stalled progress highlighted."""

from django.urls import reverse

from alliance.web.clinic.models import ClinicSettings, GoalAgreement
from tests.web.checkin_helpers import submit_checkin


def _page(login, theo, client) -> str:
    return login(theo).get(reverse("client", args=[client.code])).content.decode()


def test_the_client_is_asked_how_much_each_goal_is_theirs(client, checkin_token):
    html = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    assert "Your goal: &quot;Sleep better&quot;" in html
    assert "Is this still what you want us to work on?" in html


def test_agreement_is_stored_and_shown_beside_the_therapists(login, theo, make_client):
    goals_client = make_client(theo, sessions=1)
    goal = goals_client.goals.get()
    goal.therapist_agreement = 9
    goal.save()
    submit_checkin(goals_client, 1, **{f"goal-agreement__{goal.pk}": "3"})
    assert GoalAgreement.objects.get().agreement == 3
    html = _page(login, theo, goals_client)
    assert "<td>3 / 9</td>" in html
    assert "The client&#x27;s agreement with this goal is 3 of 10, under the line of 5" in html


def test_agreement_is_optional(make_client, theo):
    goals_client = make_client(theo, sessions=1)
    assert submit_checkin(goals_client, 1).status_code == 200
    assert not GoalAgreement.objects.exists()


def test_a_bad_agreement_is_shown_next_to_the_question(make_client, theo):
    goals_client = make_client(theo, sessions=1)
    goal = goals_client.goals.get()
    page = submit_checkin(goals_client, 1, **{f"goal-agreement__{goal.pk}": "12"})
    assert "Please choose one of the answers shown (0 to 10)." in page.content.decode()
    assert not goals_client.responses.exists()


def _progress(client, ratings):
    from alliance.web.clinic.answers import store_answers

    goal = client.goals.get()
    for number, rating in enumerate(ratings, start=1):
        store_answers(
            client.sessions.get(number=number),
            {"goal-progress": {str(goal.pk): rating}},
            respondent="client",
        )


def test_progress_over_time_is_a_sparkline_with_its_values(login, theo, make_client):
    goals_client = make_client(theo, sessions=3)
    _progress(goals_client, [2, 4, 6])
    html = _page(login, theo, goals_client)
    assert (
        "<title>Progress on &quot;Sleep better&quot; (0-10): session 1: 2; session 2: 4; "
        "session 3: 6</title>"
    ) in html
    assert "No gain over the last" not in html


def test_stalled_progress_is_highlighted(login, theo, make_client):
    goals_client = make_client(theo, sessions=4)
    _progress(goals_client, [2, 4, 4, 3])
    html = _page(login, theo, goals_client)
    assert "No gain over the last 3 progress ratings (4, 4, 3)" in html


def test_the_stall_window_is_a_clinic_setting(login, theo, make_client):
    goals_client = make_client(theo, sessions=4)
    ClinicSettings.for_clinic(goals_client.clinic_id)
    ClinicSettings.objects.update(stall_ratings=4)
    _progress(goals_client, [2, 4, 4, 3])  # over four ratings, 2 to 3 is a gain
    html = _page(login, theo, goals_client)
    assert "No gain" not in html and "last 4 progress ratings show no gain" in html
