"""The detector's session table read as values (the follow-up's way) equals the one built from
response objects: check-ins with a session missing and a rupture reported."""

import pandas as pd

from alliance.web.clinic.models import Response
from alliance.web.clinic.tables import (
    SESSION_INSTRUMENTS,
    session_table,
    session_table_from_query,
)
from tests.web.checkin_helpers import submit_checkin


def test_the_table_read_as_values_equals_the_one_built_from_responses(make_client, theo):
    client = make_client(theo, code="C-TABLE", sessions=5)
    for number, rating, felt_off in ((1, 8, 0), (2, 7, 0), (4, 4, 2), (5, 6, 1)):
        submit_checkin(client, number, rating=rating, felt_off=felt_off)
    responses = Response.objects.filter(instrument__in=SESSION_INSTRUMENTS)
    responses = responses.order_by("session__number", "pk")
    found = session_table_from_query(responses)
    expected = session_table(responses.select_related("client", "session"))
    pd.testing.assert_frame_equal(found, expected, check_exact=True)
    assert found["session"].tolist() == [1, 2, 4, 5]
    assert found["rupture_reported"].tolist() == [0.0, 0.0, 2.0, 1.0]
