"""The client's check-in language through the API: read, set by the own therapist, refused when
not offered, and the language each response was shown in."""

from __future__ import annotations

from alliance.web.clinic.models import AuditEvent, Response


def test_a_client_reads_with_their_checkin_language(api, theo, theos_client):
    theos_client.language = "es"
    theos_client.save()
    listed = api(theo).get("/api/v1/clients").json()["items"][0]
    assert listed["language"] == "es"
    assert api(theo).get("/api/v1/clients/C-THEO1").json()["language"] == "es"


def test_the_own_therapist_sets_the_language_and_it_is_audited(api, theo, theos_client):
    answer = api(theo).patch("/api/v1/clients/C-THEO1", {"language": "es"})
    assert answer.status_code == 200 and answer.json()["language"] == "es"
    theos_client.refresh_from_db()
    assert theos_client.language == "es"
    assert AuditEvent.objects.filter(action="checkin-language-changed").count() == 1


def test_a_language_not_offered_is_a_422_naming_the_field_and_stores_nothing(
    api, theo, theos_client
):
    answer = api(theo).patch("/api/v1/clients/C-THEO1", {"language": "fr", "display_name": "Jo"})
    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["language"]
    assert "en, es" in answer.json()["detail"]
    theos_client.refresh_from_db()
    assert (theos_client.language, theos_client.display_name) == ("en", "")
    assert not AuditEvent.objects.filter(action="checkin-language-changed").exists()


def test_a_null_language_is_refused_too(api, theo, theos_client):
    answer = api(theo).patch("/api/v1/clients/C-THEO1", {"language": None})
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "language"


def test_a_supervisor_may_read_but_not_set_the_language(api, sam, theos_client):
    assert api(sam).get("/api/v1/clients/C-THEO1").json()["language"] == "en"
    answer = api(sam).patch("/api/v1/clients/C-THEO1", {"language": "es"})
    assert answer.status_code == 404
    theos_client.refresh_from_db()
    assert theos_client.language == "en"


def test_responses_carry_the_language_they_were_shown_in(api, theo, theos_client):
    session = theos_client.sessions.get()
    for instrument, language in (("phq-9", "es"), ("gad-7", "")):
        Response.objects.create(
            client=theos_client,
            session=session,
            instrument=instrument,
            respondent="client",
            language=language,
        )
    items = api(theo).get("/api/v1/clients/C-THEO1/responses").json()["items"]
    assert {item["instrument"]: item["language"] for item in items} == {
        "phq-9": "es",
        "gad-7": "",
    }
