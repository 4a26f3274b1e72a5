import pytest
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, CheckinLink, Goal, Response


def _post(client, token, data):
    return client.post(reverse("checkin", args=[token]), data)


def _nothing_stored():
    return (
        not Response.objects.exists()
        and CheckinLink.objects.get().used_at is None
        and not AuditEvent.objects.filter(action="response-stored").exists()
    )


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("alliance-checkin__3", "11", "Please choose one of the answers shown (0 to 10)."),
        ("phq-9__2", "4", "Please choose one of the answers shown (0 to 3)."),
        ("alliance-checkin__1", "-1", "Please choose one of the answers shown (0 to 10)."),
        ("phq-9__5", "two", "Please choose one of the answers shown (0 to 3)."),
        ("alliance-checkin__5", "7.5", "Please choose one of the answers shown (0 to 10)."),
        ("alliance-checkin__8", None, "Please choose an answer."),
        ("phq-9__9", None, "Please choose an answer."),
    ],
)
def test_it_marks_a_bad_value_next_to_its_field_and_stores_nothing(
    client, checkin_token, theos_client, valid_answers, field, value, message
):
    page = _post(client, checkin_token, valid_answers(theos_client, **{field: value}))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'id="id_{field}_error">{message}' in html
    assert _nothing_stored()


def test_it_keeps_every_other_answer_when_one_is_bad(
    client, checkin_token, theos_client, valid_answers
):
    data = valid_answers(theos_client, **{"phq-9__2": "9", "alliance-checkin__4": "3"})
    html = _post(client, checkin_token, data).content.decode()
    assert 'name="alliance-checkin__4" value="3" checked' in html
    assert 'name="phq-9__1" value="1" checked' in html
    assert "More time on sleep." in html


def test_it_refuses_progress_on_a_goal_that_is_not_the_clients(
    client, checkin_token, theos_client, coras_client, valid_answers
):
    other_goal = Goal.objects.filter(client=coras_client).get()
    data = valid_answers(theos_client, **{f"goal-progress__{other_goal.pk}": "5"})
    html = _post(client, checkin_token, data).content.decode()
    assert "An answer was sent for a goal that is not one of yours." in html
    assert _nothing_stored()


def test_it_requires_progress_on_each_active_goal(
    client, checkin_token, theos_client, valid_answers
):
    goal = theos_client.goals.get()
    html = _post(
        client, checkin_token, valid_answers(theos_client, **{f"goal-progress__{goal.pk}": None})
    ).content
    assert f'id="id_goal-progress__{goal.pk}_error">Please choose an answer.' in html.decode()
    assert _nothing_stored()


def test_the_optional_items_may_be_left_out(client, checkin_token, theos_client, valid_answers):
    data = valid_answers(theos_client, **{"alliance-checkin__7": None})
    assert _post(client, checkin_token, data).url.endswith("/thanks/")
    assert "7" not in Response.objects.get(instrument="alliance-checkin").answers
