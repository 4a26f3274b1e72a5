"""API fixtures: `api(persona)` calls with a token of theirs; `tasks` is the task queue."""

from tests.web.api_helpers import api, tasks, token_for  # noqa: F401
