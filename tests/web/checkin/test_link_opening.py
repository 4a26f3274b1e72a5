"""Opening a link reads, in one query, the link with the client's active goals by priority and
active tasks in order of creation (nothing of another client's, nothing set aside), the clinic's
crisis contact, whether the session was answered and whether the delivery is still unopened."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance.web.checkin.links import create_link, hash_token
from alliance.web.checkin.opening import read_link
from alliance.web.clinic.models import (
    CheckinSubmission,
    ClinicSettings,
    Goal,
    GoalStatus,
    Respondent,
    Response,
    Task,
    TaskKind,
    TaskStatus,
)
from alliance.web.delivery.models import Channel, Delivery


def _opened(session, theo):
    _, token = create_link(session, by=theo)
    with CaptureQueriesContext(connection) as queries:
        link = read_link(hash_token(token))
    assert len(queries.captured_queries) == 1
    return link


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
    link = _opened(client.sessions.get(), theo)
    assert [(g.pk, g.text) for g in link.goals] == [
        (first.pk, "Sleep better"),
        (later.pk, "Walk daily"),
    ]
    assert [(t.pk, t.description, t.rationale, t.kind) for t in link.tasks] == [
        (diary.pk, "Diary", "to see patterns", TaskKind.BETWEEN),
        (talk.pk, "Talk it through", "", TaskKind.METHOD),
    ]
    assert link.client_id == client.pk and link.language == client.language


def test_a_client_without_goals_or_tasks_is_asked_about_none(make_client, theo):
    link = _opened(make_client(theo, goals=()).sessions.get(), theo)
    assert (link.goals, link.tasks) == ([], [])


def test_it_carries_the_clinics_crisis_contact(theos_client, theo, clinic):
    settings = ClinicSettings.for_clinic(clinic.pk)
    settings.crisis_contact_text, settings.crisis_contact_number = "Duty line", "+44 20 7946 0000"
    settings.save()
    crisis = _opened(theos_client.sessions.get(), theo).crisis
    assert (crisis.crisis_contact_text, crisis.crisis_dial) == ("Duty line", "+442079460000")


def test_a_clinic_without_settings_gets_them_written(theos_client, theo, clinic):
    _, token = create_link(theos_client.sessions.get(), by=theo)
    ClinicSettings.objects.filter(clinic=clinic).delete()
    assert read_link(hash_token(token)).crisis.crisis_words  # the standard message
    assert ClinicSettings.objects.filter(clinic=clinic).exists()


def test_it_says_whether_the_session_was_answered_otherwise(theos_client, theo):
    session = theos_client.sessions.get()
    assert not _opened(session, theo).answered
    Response.objects.create(
        client=theos_client, session=session, instrument="phq-9", respondent=Respondent.CLIENT
    )
    assert _opened(session, theo).answered


def test_it_says_whether_answers_were_kept_through_the_link(theos_client, theo):
    session = theos_client.sessions.get()
    link, token = create_link(session, by=theo)
    assert not read_link(hash_token(token)).submitted
    CheckinSubmission.objects.create(link=link, client=theos_client, session=session)
    assert read_link(hash_token(token)).submitted and _opened(session, theo).answered


def test_it_names_the_delivery_only_while_it_is_unopened(theos_client, theo):
    session = theos_client.sessions.get()
    link, token = create_link(session, by=theo)
    delivery = Delivery.objects.create(session=session, link=link, channel=Channel.EMAIL)
    assert read_link(hash_token(token)).unopened_delivery == delivery.pk
    Delivery.objects.filter(pk=delivery.pk).update(opened_at=timezone.now())
    assert read_link(hash_token(token)).unopened_delivery is None


def test_an_unknown_token_reads_nothing(db):
    assert read_link(hash_token("no such token")) is None
