"""At check-in the client rates each task (understanding, agreement), may write a concern, and
says whether a between-session task was done and helped; the therapist sees it all."""

from django.urls import reverse

from alliance.web.clinic.models import Alert, ClinicSettings, TaskCheck
from tests.web.checkin_helpers import checkin_data, submit_checkin

CONCERN = "Writing it down every morning makes me anxious."


def _task(client, description):
    return client.tasks.get(description=description)


def test_each_task_is_asked_with_its_reason(client, checkin_token, task_client):
    html = client.get(reverse("checkin", args=[checkin_token])).content.decode()
    assert "What we agreed: &quot;Keep a sleep diary&quot; (why: to see the pattern)" in html
    assert html.count("How clear is it to you why we do this?") == 2
    assert html.count("Did you get to do it since last time?") == 1  # between sessions only


def test_ratings_concern_and_done_are_stored(task_client):
    diary = _task(task_client, "Keep a sleep diary")
    page = submit_checkin(
        task_client,
        1,
        agreement=7,
        understanding=9,
        concern=CONCERN,
        **{f"task-done__{diary.pk}": "partly", f"task-helped__{diary.pk}": "6"},
    )
    assert page.status_code == 200
    check = TaskCheck.objects.get(task=diary)
    assert (check.understanding, check.agreement, check.concern, check.done, check.helped) == (
        9,
        7,
        CONCERN,
        "partly",
        6,
    )
    assert task_client.audit_events.filter(action="goal-and-task-ratings-stored").exists()


def test_the_therapist_sees_ratings_and_the_concern(login, theo, task_client):
    submit_checkin(task_client, 1, agreement=7, concern=CONCERN)
    html = login(theo).get(reverse("client", args=[task_client.code])).content.decode()
    assert "the client rated understanding 8 and agreement 7 of 10" in html
    assert f"Session 1, the client's concern:</span> {CONCERN}" in html


def test_a_missing_task_rating_is_shown_next_to_it_and_nothing_is_stored(
    client, checkin_token, task_client
):
    task = _task(task_client, "Try a breathing exercise")
    data = checkin_data(task_client)
    del data[f"task-agreement__{task.pk}"]
    page = client.post(reverse("checkin", args=[checkin_token]), data)
    html = page.content.decode()
    assert f'id="id_task-agreement__{task.pk}_error">Please choose an answer.' in html
    assert not task_client.responses.exists() and not TaskCheck.objects.exists()
    assert 'value="8" checked' in html  # the other answers are kept


def test_an_answer_for_another_clients_task_is_refused(
    client, checkin_token, task_client, make_client, theo
):
    from alliance.web.clinic.models import Task

    other = Task.objects.create(
        client=make_client(theo, code="C-OTHER"), description="x", rationale="y"
    )
    data = checkin_data(task_client) | {f"task-agreement__{other.pk}": "9"}
    page = client.post(reverse("checkin", args=[checkin_token]), data)
    assert "not yours" in page.content.decode()
    assert not TaskCheck.objects.exists()


def test_low_agreement_raises_one_explained_alert_in_the_clients_words(task_client):
    submit_checkin(task_client, 1, agreement=3, understanding=6, concern=CONCERN)
    alert = Alert.objects.get(kind="task-disagreement")
    assert "agreed little with" in alert.message and "Keep a sleep diary" in alert.message
    assert f'In their words: "{CONCERN}"' in alert.explanation
    assert "agreement 3 of 10, understanding 6 of 10" in alert.explanation
    assert "The line is 5 of 10" in alert.explanation


def test_the_disagreement_line_is_a_clinic_setting(task_client):
    ClinicSettings.for_clinic(task_client.clinic_id)
    ClinicSettings.objects.update(task_agreement_line=8)
    submit_checkin(task_client, 1, agreement=7)
    assert "The line is 8 of 10" in Alert.objects.get(kind="task-disagreement").explanation


def test_agreement_at_the_line_raises_nothing(task_client):
    submit_checkin(task_client, 1, agreement=5)
    assert not Alert.objects.exists()
