"""A client of Theo's whose first four check-ins were good (usual level 8), followed up at once."""

import pytest
from django.test import override_settings

from alliance.web.clinic.models import Client
from tests.web.checkin_helpers import submit_checkin

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
COMMENT = "It felt like you were not listening today."


@pytest.fixture
def steady_client(make_client, theo) -> Client:
    client = make_client(theo, code="C-STEADY", sessions=6)
    with override_settings(TASKS=IMMEDIATE_TASKS):  # whatever backend the test itself uses
        for number in range(1, 5):
            assert submit_checkin(client, number, rating=8).status_code == 200
    return client


def strained_checkin(client: Client, number: int = 5):
    """A check-in well below the client's usual level, with something felt off."""
    return submit_checkin(client, number, rating=5, felt_off=2, comment=COMMENT)
