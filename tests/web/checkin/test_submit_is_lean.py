"""A check-in submit is one read (the link with its goals and tasks), one insert that keeps the
checked answers as one row and one that queues their follow-up; storing them as responses and
their analysis (rupture detection) are left to the follow-up, and only urgent answers are stored
in full at once."""

from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.measures import score_one
from alliance.web.checkin import forms
from alliance.web.checkin.links import create_link
from alliance.web.clinic import answers
from alliance.web.clinic.models import Goal, Task, TaskKind
from tests.web.checkin_helpers import checkin_data


def _submit_counting_queries(client, number: int) -> list[str]:
    _, token = create_link(client.sessions.get(number=number), by=client.therapist)
    data = checkin_data(client)
    with CaptureQueriesContext(connection) as queries:
        page = HttpClient().post(reverse("checkin", args=[token]), data)
    assert page.status_code == 302 and page.url.endswith("/thanks/")
    # the test's own transaction turns the submit's BEGIN and COMMIT into savepoints: not counted
    return [
        q["sql"]
        for q in queries.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]


def test_a_submit_takes_the_same_few_queries_however_many_goals_and_tasks(
    queued_tasks, make_client, theo
):
    client = make_client(theo, sessions=3, goals=("Sleep better",))
    few = _submit_counting_queries(client, 2)
    for text in ("Walk daily", "Call my sister", "Cook twice a week"):
        goal = Goal.objects.create(client=client, text=text)
        Task.objects.create(
            client=client,
            goal=goal,
            kind=TaskKind.BETWEEN,
            description=text,
            rationale="to see what helps",
        )
    many = _submit_counting_queries(client, 3)
    assert len(few) == len(many) == 3  # the link with its goals and tasks, and the two inserts
    writes = [
        " ".join(sql.replace("INTO ", "").split()[:2])
        for sql in many
        if sql.startswith(("INSERT", "UPDATE"))
    ]
    assert writes == [
        'INSERT "clinic_checkinsubmission"',
        'INSERT "django_tasks_database_dbtaskresult"',
    ]


def test_the_submit_scores_the_answers_once(
    queued_tasks, monkeypatch, checkin_token, theos_client, valid_answers
):
    # the follow-up, queued and not run here, scores them again as it stores them
    calls: list[str] = []

    def counting(instrument_id, items):
        calls.append(instrument_id)
        return score_one(instrument_id, items)

    monkeypatch.setattr(forms, "score_one", counting)
    monkeypatch.setattr(answers, "score_one", counting)
    HttpClient().post(reverse("checkin", args=[checkin_token]), valid_answers(theos_client))
    assert sorted(calls) == ["alliance-checkin", "goal-progress", "phq-9"]
