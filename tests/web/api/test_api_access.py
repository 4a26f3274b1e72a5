"""The access matrix of the pages, extended to the API: every endpoint, every persona."""

from __future__ import annotations

import pytest

from alliance.web.clinic.models import Alert, AuditEvent, Rupture, Severity

READS = [
    "/api/v1/clients/C-THEO1",
    "/api/v1/clients/C-THEO1/episodes",
    "/api/v1/clients/C-THEO1/sessions",
    "/api/v1/clients/C-THEO1/sessions/1",
    "/api/v1/clients/C-THEO1/responses",
    "/api/v1/clients/C-THEO1/goals",
    "/api/v1/clients/C-THEO1/tasks",
    "/api/v1/clients/C-THEO1/ruptures",
    "/api/v1/clients/C-THEO1/outcome",
    "/api/v1/alerts/{alert}",
    "/api/v1/ruptures/{rupture}",
]
WRITES = [
    ("patch", "/api/v1/clients/C-THEO1", {"display_name": "Jo"}),
    ("post", "/api/v1/clients/C-THEO1/sessions", {"date": "2026-02-02"}),
    ("post", "/api/v1/clients/C-THEO1/sessions/1/checkin-link", {"send": "none"}),
]
PERSONAS = [("theo", True), ("sam", True), ("cora", False), ("ada", False)]


@pytest.fixture
def theos_record(theos_client):
    alert = Alert.objects.create(
        client=theos_client, kind="alliance-drop", severity=Severity.WARNING, message="m"
    )
    rupture = Rupture.objects.create(
        client=theos_client, onset_session=1, lowest_session=1, last_session=1, rule="r"
    )
    return {"alert": alert.pk, "rupture": rupture.pk}


@pytest.mark.parametrize("path", READS)
@pytest.mark.parametrize("persona, sees", PERSONAS)
def test_reads_are_for_the_therapist_and_their_supervisor(
    request, api, theos_record, path, persona, sees
):
    answer = api(request.getfixturevalue(persona)).get(path.format(**theos_record))
    assert answer.status_code == (200 if sees else 404), answer.content
    if not sees:
        assert answer.json()["detail"].startswith("not found")


@pytest.mark.parametrize("method, path, body", WRITES)
@pytest.mark.parametrize("persona", ["sam", "cora", "ada"])
def test_only_the_clients_own_therapist_writes(
    request, api, theos_client, method, path, body, persona
):
    answer = getattr(api(request.getfixturevalue(persona)), method)(path, body)
    assert answer.status_code == 404
    assert theos_client.sessions.count() == 1 and not theos_client.sessions.get().links.exists()


@pytest.mark.parametrize("method, path, body", WRITES)
def test_the_own_therapist_writes(api, theo, theos_client, method, path, body):
    answer = getattr(api(theo), method)(path, body)
    assert answer.status_code in (200, 201), answer.content


@pytest.mark.parametrize("method, path, body", WRITES)
def test_a_read_only_token_of_the_own_therapist_is_a_403(
    api, theo, theos_client, method, path, body
):
    answer = getattr(api(theo, read_only=True), method)(path, body)
    assert answer.status_code == 403


@pytest.mark.parametrize("path", READS)
def test_every_endpoint_needs_a_token(client, theos_record, path):
    answer = client.get(path.format(**theos_record))
    assert answer.status_code == 401 and answer.json()["detail"]


@pytest.mark.parametrize(
    "persona, codes",
    [("theo", ["C-THEO1"]), ("sam", ["C-THEO1"]), ("cora", ["C-CORA1"]), ("ada", [])],
)
def test_the_client_list_holds_only_visible_clients(
    request, api, theos_client, coras_client, persona, codes
):
    found = api(request.getfixturevalue(persona)).get("/api/v1/clients").json()
    assert [c["code"] for c in found["items"]] == codes and found["count"] == len(codes)


@pytest.mark.parametrize("persona, sees", PERSONAS)
def test_the_alert_list_holds_only_visible_clients_alerts(
    request, api, theos_record, persona, sees
):
    found = api(request.getfixturevalue(persona)).get("/api/v1/alerts").json()
    assert found["count"] == (1 if sees else 0)


@pytest.mark.parametrize(
    "persona, status", [("theo", 200), ("sam", 200), ("cora", 404), ("ada", 404)]
)
def test_acknowledging_an_alert_follows_the_pages_rule(request, api, theos_record, persona, status):
    answer = api(request.getfixturevalue(persona)).post(
        f"/api/v1/alerts/{theos_record['alert']}/acknowledge"
    )
    assert answer.status_code == status
    acknowledged = Alert.objects.get(pk=theos_record["alert"]).acknowledged_at is not None
    assert acknowledged == (status == 200)


def test_an_unknown_client_is_the_same_404_as_a_hidden_one(api, theo, coras_client):
    hidden = api(theo).get("/api/v1/clients/C-CORA1")
    unknown = api(theo).get("/api/v1/clients/C-NOSUCH")
    odd = api(theo).get("/api/v1/clients/%E2%9C%93")
    assert hidden.status_code == unknown.status_code == odd.status_code == 404
    assert hidden.json() == unknown.json() == odd.json()


def test_every_read_is_audited_like_a_page_view(api, theo, theos_client):
    api(theo).get("/api/v1/clients/C-THEO1/responses")
    event = AuditEvent.objects.filter(action="api-read").get()
    assert (event.actor, event.client, event.target) == (theo, theos_client, "responses")


def test_a_list_read_is_audited_for_each_client_on_the_page(
    api, sam, theos_client, make_client, theo
):
    make_client(theo, code="C-THEO2")
    api(sam).get("/api/v1/clients")
    audited = AuditEvent.objects.filter(action="api-read", actor=sam)
    assert sorted(e.client.code for e in audited) == ["C-THEO1", "C-THEO2"]


def test_requests_past_the_limit_are_a_429_with_retry_after(api, theo, settings, theos_client):
    settings.API_RATE_PER_MINUTE = 3
    caller = api(theo)
    statuses = [caller.get("/api/v1/clients").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = caller.get("/api/v1/clients")
    assert int(limited["Retry-After"]) >= 1 and "too many requests" in limited.json()["detail"]


def test_the_limit_is_per_token(api, theo, settings, theos_client):
    settings.API_RATE_PER_MINUTE = 1
    first, second = api(theo), api(theo)
    assert first.get("/api/v1/clients").status_code == 200
    assert first.get("/api/v1/clients").status_code == 429
    assert second.get("/api/v1/clients").status_code == 200
