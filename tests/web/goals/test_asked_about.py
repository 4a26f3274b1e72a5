"""The check-in asks about the client's active goals, by priority, and active tasks, in order of
creation, read in one query; nothing of another client's and nothing set aside."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from alliance.web.clinic.models import Goal, GoalStatus, Task, TaskKind, TaskStatus
from alliance.web.goals.checkin import asked_about


def test_it_reads_the_active_goals_and_tasks_in_order_in_one_query(make_client, theo, cora):
    client = make_client(theo, goals=())
    other = make_client(cora, goals=("Not theirs",))
    later = Goal.objects.create(client=client, text="Walk daily", priority=2)
    first = Goal.objects.create(client=client, text="Sleep better", priority=1)
    Goal.objects.create(client=client, text="Old goal", status=GoalStatus.SET_ASIDE)
    diary = Task.objects.create(
        client=client, kind=TaskKind.BETWEEN, description="Diary", rationale="to see patterns"
    )
    talk = Task.objects.create(client=client, description="Talk it through")
    Task.objects.create(client=client, description="Stopped", status=TaskStatus.SET_ASIDE)
    Task.objects.create(client=other, description="Not theirs either")
    with CaptureQueriesContext(connection) as queries:
        goals, tasks = asked_about(client.pk)
    assert len(queries.captured_queries) == 1
    assert [(g.pk, g.text) for g in goals] == [(first.pk, "Sleep better"), (later.pk, "Walk daily")]
    assert [(t.pk, t.description, t.rationale, t.kind) for t in tasks] == [
        (diary.pk, "Diary", "to see patterns", TaskKind.BETWEEN),
        (talk.pk, "Talk it through", "", TaskKind.METHOD),
    ]


def test_a_client_without_goals_or_tasks_is_asked_about_none(make_client, theo):
    assert asked_about(make_client(theo, goals=()).pk) == ([], [])
