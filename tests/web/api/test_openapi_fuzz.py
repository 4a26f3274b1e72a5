"""The OpenAPI document, fuzzed: no request is a server error, and every 4xx names the problem.

A bounded run (a fixed number of generated requests per operation, seeded) in the normal suite.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from alliance.web.api.tokens import issue

EXAMPLES_PER_OPERATION = 10


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    # schemathesis calls the WSGI application itself, not through Django's test client, which is
    # what keeps the end of a request from closing the test's connection (and its transaction)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def theos_token(theo, theos_client, settings):
    settings.API_RATE_PER_MINUTE = 10**6
    return issue(theo)[1]


# reading the document needs no database, so it is loaded when the tests are collected
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


def names_the_problem(ctx, response, case) -> None:
    if 400 <= response.status_code < 500:
        detail = response.json().get("detail") if response.content else None
        assert isinstance(detail, str) and detail.strip(), (
            f"{response.status_code} without a detail: {response.text[:200]}"
        )


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_request_is_a_server_error_and_every_4xx_names_the_problem(case, theos_token):
    if "code" in case.path_parameters and len(str(case.path_parameters)) % 2:
        case.path_parameters["code"] = "C-THEO1"  # half the cases reach a real client
    case.call_and_validate(
        headers={"Authorization": f"Bearer {theos_token}"},
        checks=[schemathesis.checks.not_a_server_error, names_the_problem],
    )
