"""403, 404 and 500 are pages of the site, in its layout, that say what happened and where to go;
the API keeps its JSON answers."""

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

LAYOUT = ('<header class="site">', "alliance/alliance.css", '<main id="main">')


def _in_layout(html: str) -> bool:
    return all(part in html for part in LAYOUT)


def test_an_unknown_address_is_the_sites_404_page(client, db):
    page = client.get("/no-such-page/")
    html = page.content.decode()
    assert page.status_code == 404 and _in_layout(html)
    assert "<h1>Page not found</h1>" in html and reverse("login") in html


def test_a_hidden_client_is_the_same_404_page_with_the_way_back(login, theo, coras_client):
    page = login(theo).get(reverse("client", args=[coras_client.code]))
    html = page.content.decode()
    assert page.status_code == 404 and "<h1>Page not found</h1>" in html
    assert "Go to your caseload" in html and 'aria-label="Main"' in html
    assert coras_client.code not in html


def test_the_api_keeps_its_json_404(client, db):
    page = client.get("/api/v1/no-such-thing/")
    assert page.status_code == 404 and page["Content-Type"].startswith("application/json")


def test_a_refused_page_is_the_sites_403_page_naming_the_reason(login, ada):
    page = login(ada).get(reverse("new-client"))
    html = page.content.decode()
    assert page.status_code == 403 and _in_layout(html)
    assert "<h1>You cannot open this page</h1>" in html
    assert "A clinic admin does not hold a caseload" in html


def test_an_expired_form_is_the_sites_csrf_page(db, theos_client, checkin_token):
    strict = HttpClient(enforce_csrf_checks=True)
    page = strict.post(reverse("checkin", args=[checkin_token]), {})
    html = page.content.decode()
    assert page.status_code == 403 and _in_layout(html)
    assert "This form has expired" in html and "Nothing was sent" in html


@pytest.mark.urls("tests.web.failing_urls")
def test_a_failure_is_the_sites_500_page_and_shows_nothing_of_the_error(db):
    page = HttpClient(raise_request_exception=False).get("/fails/")
    html = page.content.decode()
    assert page.status_code == 500 and _in_layout(html)
    assert "Something went wrong on our side" in html
    assert "RuntimeError" not in html and "must not show" not in html
