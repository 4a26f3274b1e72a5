"""The API's resources as another system uses them: the contract, paging, sync and bad input."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.core import mail

from alliance.web.checkin.links import hash_token
from alliance.web.clinic.models import Alert, AuditEvent, CheckinLink, Response, Severity


def test_the_client_list_is_items_and_count(api, theo, theos_client):
    found = api(theo).get("/api/v1/clients").json()
    assert set(found) == {"items", "count"} and found["count"] == 1
    item = found["items"][0]
    assert item["code"] == "C-THEO1" and item["therapist"] == "theo"
    assert item["status"] == "in-care" and item["url"] == "/api/v1/clients/C-THEO1"


def test_lists_are_paged_with_limit_and_offset(api, theo, make_client):
    for number in range(5):
        make_client(theo, code=f"C-PAGE{number}")
    found = api(theo).get("/api/v1/clients", limit=2, offset=3).json()
    assert found["count"] == 5
    assert [c["code"] for c in found["items"]] == ["C-PAGE3", "C-PAGE4"]


def test_updated_since_returns_only_what_changed(api, theo, make_client):
    with time_machine.travel(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), tick=False):
        make_client(theo, code="C-OLD01")
        make_client(theo, code="C-OLD02")
    with time_machine.travel(dt.datetime(2026, 3, 10, tzinfo=dt.UTC), tick=False):
        make_client(theo, code="C-NEW01")
        api(theo).patch("/api/v1/clients/C-OLD02", {"display_name": "Jo"})
    found = api(theo).get("/api/v1/clients", updated_since="2026-03-05T00:00:00Z").json()
    assert [c["code"] for c in found["items"]] == ["C-NEW01", "C-OLD02"]


def test_reads_do_not_count_as_changes_for_sync(api, theo, make_client):
    with time_machine.travel(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), tick=False):
        make_client(theo, code="C-OLD01")
    api(theo).get("/api/v1/clients/C-OLD01")
    found = api(theo).get("/api/v1/clients", updated_since="2026-03-05T00:00:00Z").json()
    assert found["count"] == 0


def test_creating_a_session_answers_its_number(api, theo, theos_client):
    answer = api(theo).post("/api/v1/clients/C-THEO1/sessions", {"date": "2026-02-02"})
    assert answer.status_code == 201
    assert answer.json()["number"] == 2 and answer.json()["date"] == "2026-02-02"
    assert theos_client.sessions.filter(number=2).exists()


def test_a_bad_session_names_the_field_and_stores_nothing(api, theo, theos_client):
    answer = api(theo).post("/api/v1/clients/C-THEO1/sessions", {"date": "2026-02-31"})
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "date"
    assert "date:" in answer.json()["detail"] and theos_client.sessions.count() == 1


def test_an_unknown_field_is_refused_not_ignored(api, theo, theos_client):
    answer = api(theo).post("/api/v1/clients/C-THEO1/sessions", {"date": "2026-02-02", "n": 3})
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "n"
    assert theos_client.sessions.count() == 1


def test_a_body_that_is_not_json_is_named(api, theo, theos_client):
    caller = api(theo)
    answer = caller.client.post(
        "/api/v1/clients/C-THEO1/sessions",
        "{",
        content_type="application/json",
        headers=caller.headers,
    )
    assert answer.status_code == 400 and answer.json()["detail"].startswith("body:")


def test_a_link_sent_nowhere_answers_its_url_once_and_keeps_only_a_hash(api, theo, theos_client):
    answer = api(theo).post("/api/v1/clients/C-THEO1/sessions/1/checkin-link", {"send": "none"})
    assert answer.status_code == 201
    url = answer.json()["url"]
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert CheckinLink.objects.get().token_hash == hash_token(token)
    session = api(theo).get("/api/v1/clients/C-THEO1/sessions/1").content.decode()
    assert token not in session


def test_patch_keeps_the_email_and_delivery_for_the_own_therapist_only(
    api, theo, sam, theos_client
):
    answer = api(theo).patch(
        "/api/v1/clients/C-THEO1", {"email": "jo@example.org", "delivery": "email"}
    )
    assert answer.status_code == 200
    assert (answer.json()["email"], answer.json()["delivery"]) == ("jo@example.org", "email")
    assert api(sam).get("/api/v1/clients/C-THEO1").json()["email"] is None


def test_patch_refuses_a_bad_address_and_stores_nothing(api, theo, theos_client):
    answer = api(theo).patch(
        "/api/v1/clients/C-THEO1",
        {"email": "not-an-address", "delivery": "email", "display_name": "Jo"},
    )
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "email"
    theos_client.refresh_from_db()
    assert theos_client.display_name == ""
    assert api(theo).get("/api/v1/clients/C-THEO1").json()["email"] == ""


def test_a_link_sent_by_email_is_a_202_without_the_url(
    api, theo, theos_client, tasks, django_capture_on_commit_callbacks
):
    api(theo).patch("/api/v1/clients/C-THEO1", {"email": "jo@example.org", "delivery": "email"})
    with django_capture_on_commit_callbacks(execute=True):
        answer = api(theo).post(
            "/api/v1/clients/C-THEO1/sessions/1/checkin-link", {"send": "email"}
        )
    assert answer.status_code == 202 and answer.json()["url"] is None
    tasks.run()
    assert [message.to for message in mail.outbox] == [["jo@example.org"]]


def test_sending_without_an_address_names_the_send_field(api, theo, theos_client):
    answer = api(theo).post("/api/v1/clients/C-THEO1/sessions/1/checkin-link", {"send": "sms"})
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "send"
    assert not CheckinLink.objects.exists()


def test_no_link_for_a_session_already_answered(api, theo, theos_client):
    session = theos_client.sessions.get()
    Response.objects.create(
        client=theos_client, session=session, instrument="phq-9", respondent="client"
    )
    answer = api(theo).post("/api/v1/clients/C-THEO1/sessions/1/checkin-link", {"send": "none"})
    assert answer.status_code == 409 and "already stored" in answer.json()["detail"]


def test_responses_carry_their_scores_and_band(api, theo, theos_client):
    session = theos_client.sessions.get()
    Response.objects.create(
        client=theos_client,
        session=session,
        instrument="phq-9",
        respondent="client",
        answers={"1": 2},
        scores={"total": 12.0},
        band="moderate",
    )
    item = api(theo).get("/api/v1/clients/C-THEO1/responses").json()["items"][0]
    assert (item["session"], item["scores"], item["band"]) == (1, {"total": 12.0}, "moderate")


def test_an_unknown_instrument_filter_is_named(api, theo, theos_client):
    answer = api(theo).get("/api/v1/clients/C-THEO1/responses", instrument="nope")
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "instrument"


def test_acknowledging_records_who_and_refuses_a_second_time(api, theo, sam, theos_client):
    alert = Alert.objects.create(
        client=theos_client, kind="alliance-drop", severity=Severity.WARNING, message="m"
    )
    first = api(sam).post(f"/api/v1/alerts/{alert.pk}/acknowledge")
    assert first.status_code == 200 and first.json()["acknowledged_by"] == "sam"
    again = api(theo).post(f"/api/v1/alerts/{alert.pk}/acknowledge")
    assert again.status_code == 409
    assert AuditEvent.objects.filter(action="alert-acknowledged").count() == 1


def test_the_open_filter_leaves_out_acknowledged_alerts(api, theo, theos_client):
    for kind in ("alliance-drop", "alliance-review"):
        Alert.objects.create(client=theos_client, kind=kind, severity=Severity.WARNING, message="m")
    first = Alert.objects.first()
    api(theo).post(f"/api/v1/alerts/{first.pk}/acknowledge")
    assert api(theo).get("/api/v1/alerts", open="true").json()["count"] == 1
    assert api(theo).get("/api/v1/alerts").json()["count"] == 2


def test_the_interactive_docs_load_nothing_from_another_site(client, db):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "http://" not in html and "https://" not in html


def test_the_openapi_document_lists_the_resources(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/clients/{code}/sessions/{number}/checkin-link" in paths
    assert "/api/v1/alerts/{pk}/acknowledge" in paths


def test_updated_since_with_an_offset_past_what_the_database_takes_is_read_in_utc(
    api, theo, theos_client
):
    found = api(theo).get("/api/v1/clients", updated_since="2786-08-09T11:51:00-16:30")
    assert found.status_code == 200 and found.json()["count"] == 0
