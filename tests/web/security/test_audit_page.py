"""The audit page: the privacy officer and the clinic admin see who read what, filtered; reading
the audit is itself audited; nobody else sees it."""

from django.urls import reverse

from alliance.web.clinic.models import AuditEvent


def test_the_privacy_officer_sees_a_therapists_read_filtered_by_client(
    login, theo, pia, theos_client, coras_client, cora
):
    login(theo).get(reverse("client", args=[theos_client.code]))
    login(cora).get(reverse("client", args=[coras_client.code]))
    html = login(pia).get(reverse("audit"), {"client": "c-theo1"}).text
    assert "C-THEO1" in html and "client-page" in html and "C-CORA1" not in html


def test_filtering_by_staff_and_date_keeps_only_matching_rows(login, theo, ada, theos_client):
    login(theo).get(reverse("client", args=[theos_client.code]))
    page = login(ada).get(reverse("audit"), {"user": "sam"})
    assert "0 rows" in page.text
    page = login(ada).get(reverse("audit"), {"since": "2999-01-01"})
    assert "0 rows" in page.text


def test_a_bad_date_is_named_and_no_filter_is_guessed(login, pia):
    page = login(pia).get(reverse("audit"), {"since": "yesterday"})
    assert "From: Enter a valid date." in page.text


def test_reading_the_audit_is_audited(login, pia):
    login(pia).get(reverse("audit"), {"client": "C-THEO1"})
    row = AuditEvent.objects.get(action="audit-page")
    assert (row.actor_name, row.kind, row.target) == ("pia", "read", "client=C-THEO1")


def test_a_therapist_cannot_open_the_audit(login, theo):
    assert login(theo).get(reverse("audit")).status_code == 403


def test_another_clinics_audit_is_not_shown(login, pia, make_user, make_client):
    from alliance.web.accounts.models import Clinic
    from alliance.web.clinic.audit import record

    elsewhere = make_user("far", clinic=Clinic.objects.create(name="Elsewhere"))
    record(elsewhere, None, "client-page")
    assert "far" not in login(pia).get(reverse("audit")).text.split("<tbody>")[1]
