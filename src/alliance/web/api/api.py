"""The REST API: one NinjaAPI at /api/v1/ with its OpenAPI document and interactive docs."""

from __future__ import annotations

from ninja import NinjaAPI

from . import alerts, clients, errors, record, sessions
from .auth import TokenAuth

api = NinjaAPI(
    title="alliance",
    version="1",
    description="The clinic's record for its other systems. Authenticate with a personal API "
    "token: `Authorization: Bearer TOKEN`.",
    auth=TokenAuth(),
    urls_namespace="api-v1",
)
errors.install(api)
for module in (clients, sessions, record, alerts):
    api.add_router("/", module.router)
