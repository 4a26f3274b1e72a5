"""A client of Theo's with eight sessions, a goal and a between-session task with its reason."""

import pytest

from alliance.web.clinic.models import Client
from tests.web.checkin_helpers import submit_checkin
from tests.web.task_helpers import client_with_a_diary


@pytest.fixture
def diary_client(make_client, theo) -> Client:
    return client_with_a_diary(make_client, theo, code="C-DIARY", sessions=8)


@pytest.fixture
def good_checkins(diary_client):
    """Sessions 1 to 4 answered well: the client's usual level is 8."""
    for number in range(1, 5):
        assert submit_checkin(diary_client, number, rating=8).status_code == 200
    return diary_client
