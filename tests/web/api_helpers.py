"""Call the API with a persona's token, and run the task queue as the worker would, for tests."""

from __future__ import annotations

import pytest
from django.utils import timezone

from alliance.web.api.tokens import issue


class ApiCaller:
    """A Django test client that sends one token: `ApiCaller(client, token).get(path)`."""

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


class DueTasks:
    """The task queue as a test sees it: tasks wait until the test runs the ones now due."""

    def __init__(self, backend, capture):
        self.backend, self.capture = backend, capture

    def due(self) -> list:
        now = timezone.now()
        return [r for r in self.backend.results if not r.task.run_after or r.task.run_after <= now]

    def waiting(self) -> list:
        return list(self.backend.results)

    def run(self) -> int:
        """Run every due task, and those they queue once committed that are due."""
        ran = 0
        while due := self.due():
            for result in due:
                self.backend.results.remove(result)
                with self.capture(execute=True):
                    result.task.call(*result.args, **result.kwargs)
                ran += 1
        return ran


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


@pytest.fixture
def tasks(settings, django_capture_on_commit_callbacks):
    """A queue whose tasks wait for the test to run them (`tasks.run()`)."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return DueTasks(default_task_backend, django_capture_on_commit_callbacks)
