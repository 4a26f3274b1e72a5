"""Every view of a client's record writes who read what, when and from where, before it is shown."""

import pytest
from django.db import DatabaseError, connection
from django.urls import reverse

from alliance.web.clinic.audit import record
from alliance.web.clinic.models import AppendOnly, AuditEvent, Rupture


def _reads(client):
    return AuditEvent.objects.filter(client=client, kind="read")


def test_a_therapist_opening_the_client_page_writes_a_read_row(login, theo, theos_client):
    login(theo).get(reverse("client", args=[theos_client.code]), REMOTE_ADDR="10.1.2.3")
    row = _reads(theos_client).get()
    assert (row.actor_name, row.action, row.ip) == ("theo", "client-page", "10.1.2.3")
    assert row.client_code == "C-THEO1"


def test_a_supervisor_reading_the_report_is_audited_under_their_own_name(login, sam, theos_client):
    login(sam).get(reverse("client-report", args=[theos_client.code]))
    assert _reads(theos_client).get().actor_name == "sam"


@pytest.mark.parametrize("name", ["goal-edit", "task-edit"])
def test_opening_a_goal_or_task_form_is_a_read(login, theo, theos_client, name):
    from alliance.web.clinic.models import Task

    goal = theos_client.goals.get()
    target = (
        goal
        if name == "goal-edit"
        else Task.objects.create(client=theos_client, description="Walk")
    )
    login(theo).get(reverse(name, args=[theos_client.code, target.pk]))
    assert _reads(theos_client).get().target == f"{target._meta.model_name}:{target.pk}"


def test_the_therapist_form_and_the_rupture_review_are_reads(login, theo, theos_client):
    rupture = Rupture.objects.create(
        client=theos_client, onset_session=1, lowest_session=1, last_session=1, rule="v-episode"
    )
    login(theo).get(reverse("therapist-form", args=[theos_client.code, 1]))
    login(theo).get(reverse("rupture", args=[theos_client.code, rupture.pk]))
    actions = set(_reads(theos_client).values_list("action", flat=True))
    assert actions == {"therapist-form", "rupture-review"}


def test_a_refused_page_writes_no_read_row(login, cora, theos_client):
    assert login(cora).get(reverse("client", args=[theos_client.code])).status_code == 404
    assert not AuditEvent.objects.filter(kind="read").exists()


def test_a_failed_audit_write_fails_the_request(login, theo, theos_client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(AuditEvent, "save", refuse)
    with pytest.raises(DatabaseError):
        login(theo).get(reverse("client", args=[theos_client.code]))


def test_audit_rows_cannot_be_changed_or_deleted_through_the_orm(theo, theos_client):
    row = record(theo, theos_client, "client-page")
    with pytest.raises(AppendOnly):
        row.save()
    with pytest.raises(AppendOnly):
        row.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=row.pk).update(action="nothing")
    with pytest.raises(AppendOnly):
        AuditEvent.objects.all().delete()


def test_deleting_a_staff_user_keeps_their_name_in_the_audit(make_user, theos_client):
    leaver = make_user("leaver")
    record(leaver, theos_client, "client-page")
    leaver.delete()
    row = AuditEvent.objects.get(action="client-page")
    assert row.actor is None and row.actor_name == "leaver"


def test_deleting_a_staff_user_keeps_their_name_on_the_alerts_they_took_on(
    login, sam, theos_client
):
    from alliance.web.clinic.models import Alert, AlertKind

    alert = Alert.objects.raise_(theos_client, AlertKind.ALLIANCE_REVIEW, "The alliance is 6.")
    answer = login(sam).post(reverse("acknowledge-alert", args=[alert.pk]))
    assert answer.status_code == 302
    sam.delete()
    alert.refresh_from_db()
    assert alert.acknowledged_by is None and alert.acknowledged_at is not None
    assert alert.acknowledged_by_name == "sam"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_refuses_to_change_or_delete_an_audit_row(theo, theos_client):
    from django.db import transaction

    row = record(theo, theos_client, "client-page")
    for sql in (
        "UPDATE clinic_auditevent SET action = 'x' WHERE id = %s",
        "DELETE FROM clinic_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [row.pk])
    assert AuditEvent.objects.get(pk=row.pk).action == "client-page"
