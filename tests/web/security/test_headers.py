"""Every page sends a strict Content-Security-Policy and a Permissions-Policy, and no page that
shows clinical data may be kept by the browser."""

import subprocess
import sys

import pytest
from django.urls import reverse

from alliance.web.security.headers import content_security_policy
from tests.web.every_page import client_pages, staff_pages


def _assert_protected(response) -> None:
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "unsafe" not in policy
    assert "frame-ancestors 'none'" in policy and "camera=()" in response["Permissions-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_every_page_about_a_client_is_protected(login, theo, full_record):
    session = login(theo)
    for page in client_pages(full_record):
        response = getattr(session, page.method)(page.url)
        assert response.status_code < 500, page.name
        _assert_protected(response)


@pytest.mark.parametrize("persona", ["theo", "sam", "ada"])
def test_every_staff_page_is_protected(request, login, persona, theo):
    session = login(request.getfixturevalue(persona))
    for page in staff_pages(theo):
        _assert_protected(session.get(page.url))


def test_the_login_the_reset_and_the_checkin_are_protected(client, checkin_token):
    for url in (
        reverse("login"),
        reverse("password_reset"),
        reverse("checkin", args=[checkin_token]),
    ):
        _assert_protected(client.get(url))


def test_the_policy_allows_no_inline_script_and_only_the_reports_own_styles(db):
    policy = dict(part.split(" ", 1) for part in content_security_policy().split("; "))
    assert policy["script-src"] == "'self'" and policy["default-src"] == "'self'"
    assert policy["style-src"].count("'sha256-") == 2 and policy["object-src"] == "'none'"


@pytest.mark.slow  # a whole process or many generated cases; `make test` runs it
def test_the_production_settings_pass_the_deployment_check(tmp_path):
    env = {
        "ALLIANCE_HTTPS": "true",
        "ALLIANCE_SECRET_KEY": "k" * 30 + "-production-grade-secret-for-test",
        "ALLIANCE_ALLOWED_HOSTS": "clinic.example.org",
        "ALLIANCE_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "alliance.web.settings",
        "PATH": "/usr/bin:/bin",
    }
    check = [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"]
    done = subprocess.run(check, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
