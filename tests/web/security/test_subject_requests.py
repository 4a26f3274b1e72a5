"""A clinic admin exports everything held about one client as a ZIP, and erases a client; both
are audited, and nobody else may do either."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from alliance.web.clinic.models import AuditEvent, Client, ClinicSettings, Goal, Response
from alliance.web.security.models import AnonymousScore
from tests.web.checkin_helpers import submit_checkin


@pytest.fixture
def answered(full_record):
    assert submit_checkin(full_record, 1, rating=8).status_code == 200
    return full_record


def _zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_export_holds_answers_goals_alerts_and_who_read_the_record(login, ada, theo, answered):
    login(theo).get(reverse("client", args=[answered.code]))
    reply = login(ada).post(reverse("subject-export"), {"code": "c-full1"})
    assert reply["Content-Type"] == "application/zip"
    archive = _zip(reply)
    names = set(archive.namelist())
    assert {"README.txt", "audit.json", "clinic.Response.csv", "clinic.Goal.json"} <= names
    assert {"clinic.Alert.json", "clinic.Rupture.json", "clinic.Task.json"} <= names
    answers = json.loads(archive.read("clinic.Response.json"))
    assert {row["instrument"] for row in answers} >= {"alliance-checkin", "phq-9"}
    reads = json.loads(archive.read("audit.json"))
    assert any(row["user"] == "theo" and row["action"] == "read" for row in reads)
    assert AuditEvent.objects.filter(kind="export", action="subject-access-export").exists()


def test_erasing_removes_every_row_and_the_audit_keeps_the_code(login, ada, answered):
    page = login(ada).post(reverse("subject-erase"), {"code": "C-FULL1", "confirm": "C-FULL1"})
    assert page.status_code == 302
    assert not Client.objects.filter(code="C-FULL1").exists()
    assert not Response.objects.exists() and not Goal.objects.exists()
    assert not AnonymousScore.objects.exists()
    row = AuditEvent.objects.get(kind="erase")
    assert (row.client_code, row.actor_name, row.client) == ("C-FULL1", "ada", None)


def test_a_clinic_may_keep_the_scores_as_anonymous_rows(login, ada, answered, clinic):
    ClinicSettings.objects.update_or_create(clinic=clinic, defaults={"erasure_keeps_scores": True})
    login(ada).post(reverse("subject-erase"), {"code": "C-FULL1", "confirm": "C-FULL1"})
    kept = AnonymousScore.objects.filter(instrument="phq-9").get()
    assert kept.scores and kept.session_number == 1 and not Response.objects.exists()


def test_an_unconfirmed_erasure_names_the_field_and_erases_nothing(login, ada, answered):
    page = login(ada).post(reverse("subject-erase"), {"code": "C-FULL1", "confirm": "C-FULL2"})
    assert page.status_code == 400 and "does not match the client code" in page.text
    assert Client.objects.filter(code="C-FULL1").exists()


@pytest.mark.parametrize("persona", ["theo", "sam", "pia"])
def test_nobody_but_the_clinic_admin_exports_or_erases(request, login, full_record, persona):
    session = login(request.getfixturevalue(persona))
    assert session.post(reverse("subject-export"), {"code": "C-FULL1"}).status_code == 403
    erase = {"code": "C-FULL1", "confirm": "C-FULL1"}
    assert session.post(reverse("subject-erase"), erase).status_code == 403
    assert Client.objects.filter(code="C-FULL1").exists()


def test_another_clinics_client_is_a_404(login, ada, make_user, make_client):
    from alliance.web.accounts.models import Clinic

    far = make_user("far", clinic=Clinic.objects.create(name="Elsewhere"))
    other = Client.objects.create(clinic=far.clinic, therapist=far, code="C-FAR01")
    assert login(ada).post(reverse("subject-export"), {"code": other.code}).status_code == 404
