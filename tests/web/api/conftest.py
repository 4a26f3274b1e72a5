"""API helpers: a token for a persona, and a Django test client that sends it."""

from __future__ import annotations

import pytest

from alliance.web.api.tokens import issue


@pytest.fixture
def token_for():
    """The plain token of a new API token for this persona."""

    def make(user, **options) -> str:
        return issue(user, **options)[1]

    return make


@pytest.fixture
def api(client, token_for):
    """Call the API as a persona: `api(theo).get("/api/v1/clients")`."""

    def as_user(user, **options):
        return ApiCaller(client, token_for(user, **options))

    return as_user


class ApiCaller:
    def __init__(self, client, token: str):
        self.client, self.headers = client, {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params):
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, body=None):
        return self.client.post(
            path, body or {}, content_type="application/json", headers=self.headers
        )

    def patch(self, path: str, body):
        return self.client.patch(path, body, content_type="application/json", headers=self.headers)
