"""The check-in page is one query however many goals and tasks the client has: the link with its
client, goals, tasks, crisis contact and answered state. Licensed wording adds its own read, and
the first open of a sent link its one update."""

from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.web.checkin.links import create_link
from alliance.web.clinic.models import Goal, Task, TaskKind
from alliance.web.delivery.models import Channel, Delivery, Status
from tests.web.wording.test_licensed_wording import licensed, upload


def _page_queries(client, number: int) -> list[str]:
    _, token = create_link(client.sessions.get(number=number), by=client.therapist)
    return _opened(token)


def _opened(token: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        page = HttpClient().get(reverse("checkin", args=[token]))
    assert page.status_code == 200 and 'name="phq-9__9"' in page.content.decode()
    return [q["sql"] for q in queries.captured_queries]


def test_the_page_takes_one_query_however_many_goals_and_tasks(make_client, theo):
    client = make_client(theo, sessions=3, goals=("Sleep better",))
    few = _page_queries(client, 2)
    for text in ("Walk daily", "Call my sister", "Cook twice a week"):
        goal = Goal.objects.create(client=client, text=text)
        Task.objects.create(client=client, goal=goal, kind=TaskKind.BETWEEN, description=text)
    many = _page_queries(client, 3)
    assert len(few) == len(many) == 1


def test_a_sent_link_adds_one_update_the_first_time_only(theos_client, theo):
    session = theos_client.sessions.get()
    link, token = create_link(session, by=theo)
    Delivery.objects.create(session=session, link=link, channel=Channel.SMS, status=Status.SENT)
    first = _opened(token)
    assert len(first) == 2 and first[1].startswith('UPDATE "delivery_delivery"')
    assert len(_opened(token)) == 1


def test_licensed_wording_adds_its_one_read(client, theos_client, login, ada, clinic):
    assert upload(login(ada), clinic, licensed()).status_code == 302
    client.logout()
    found = _page_queries(theos_client, 1)
    assert len(found) == 2 and "wording_licensedwording" in found[1]
