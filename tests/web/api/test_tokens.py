"""Personal API tokens: only a hash is kept, the token is shown once, and it can be revoked."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from alliance.web.api.models import ApiToken
from alliance.web.api.tokens import hash_token, issue


def test_only_the_hash_of_a_token_is_stored(theo):
    token, plain = issue(theo, name="EHR")
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.token_hash == hash_token(plain)
    assert plain not in {stored.token_hash, stored.prefix, stored.name}


def test_a_token_opens_the_api_as_its_owner(api, theo, theos_client):
    answer = api(theo).get("/api/v1/clients")
    assert answer.status_code == 200
    assert [item["code"] for item in answer.json()["items"]] == ["C-THEO1"]


def test_no_token_is_a_401_that_says_how_to_authenticate(client, theos_client):
    answer = client.get("/api/v1/clients")
    assert answer.status_code == 401
    assert "Bearer" in answer.json()["detail"] and answer["WWW-Authenticate"] == "Bearer"


def test_an_unknown_token_is_a_401(client, theos_client):
    answer = client.get("/api/v1/clients", headers={"Authorization": "Bearer alliance_nope"})
    assert answer.status_code == 401
    assert "unknown, expired or revoked" in answer.json()["detail"]


def test_an_expired_token_is_refused(api, client, theo, token_for):
    plain = token_for(theo, expires_days=1)
    headers = {"Authorization": f"Bearer {plain}"}
    assert client.get("/api/v1/clients", headers=headers).status_code == 200
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=2)):
        assert client.get("/api/v1/clients", headers=headers).status_code == 401


def test_a_token_of_a_deactivated_staff_member_is_refused(client, theo, token_for):
    plain = token_for(theo)
    theo.is_active = False
    theo.save()
    answer = client.get("/api/v1/clients", headers={"Authorization": f"Bearer {plain}"})
    assert answer.status_code == 401


def test_a_read_only_token_reads_but_cannot_write(api, theo, theos_client):
    caller = api(theo, read_only=True)
    assert caller.get("/api/v1/clients/C-THEO1").status_code == 200
    answer = caller.post("/api/v1/clients/C-THEO1/sessions", {"date": "2026-02-02"})
    assert answer.status_code == 403 and "read-only" in answer.json()["detail"]
    assert theos_client.sessions.count() == 1


def test_the_own_page_shows_a_new_token_once_and_lists_it(login, theo):
    page = login(theo).post(reverse("api-tokens"), {"name": "EHR sync", "expires_days": "30"})
    html = page.content.decode()
    token = ApiToken.objects.get(user=theo)
    shown = html.split('<code class="token">')[1].split("</code>")[0]
    assert token.token_hash == hash_token(shown) and "EHR sync" in html
    again = login(theo).get(reverse("api-tokens")).content.decode()
    assert shown not in again and token.prefix in again


def test_the_own_page_names_a_bad_expiry(login, theo):
    page = login(theo).post(reverse("api-tokens"), {"expires_days": "0"})
    assert page.status_code == 400 and "greater than or equal to 1" in page.content.decode()
    assert not ApiToken.objects.exists()


def test_a_token_revoked_on_the_own_page_stops_working(login, client, theo, token_for):
    plain = token_for(theo)
    token = ApiToken.objects.get(user=theo)
    login(theo).post(reverse("api-token-revoke", args=[token.pk]))
    answer = client.get("/api/v1/clients", headers={"Authorization": f"Bearer {plain}"})
    assert answer.status_code == 401
    assert "revoked" in login(theo).get(reverse("api-tokens")).content.decode()


def test_nobody_revokes_another_staff_members_token(login, theo, cora):
    token, _ = issue(theo)
    assert login(cora).post(reverse("api-token-revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_token_page_is_for_logged_in_staff(client, db):
    assert client.get(reverse("api-tokens")).status_code == 302
