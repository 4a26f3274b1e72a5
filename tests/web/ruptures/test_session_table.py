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


def _table_from_dicts(rows: list[tuple]) -> pd.DataFrame:
    """The table as pandas builds it from one dict per session (the way it was built before)."""
    from alliance.web.clinic.tables import SESSION_COLUMNS, _session_scores

    found: dict[tuple, dict] = {}
    for code, number, *response in rows:
        row = found.setdefault((code, number), {"client_id": code, "session": number})
        row.update(_session_scores(*response))
    table = pd.DataFrame(list(found.values()), columns=SESSION_COLUMNS)
    return table.astype({column: float for column in SESSION_COLUMNS[2:]})


ALLIANCE_SCORES = {"total": 30, "goal": 7.5, "task": None, "bond": 8}
ODD_ROWS = [
    ("C-1", 1, "alliance-checkin", "client", ALLIANCE_SCORES, {"8": 2}),
    ("C-1", 1, "alliance-checkin-t", "therapist", {"total": 21}, {}),
    ("C-1", 2, "alliance-checkin-t", "therapist", {"total": None}, {}),  # no client answers
    ("C-1", 3, "alliance-checkin", "client", {"total": 28}, {}),  # no dimensions, no report
    ("C-1", 4, "phq-9", "client", {"total": 12}, {}),  # not the detector's
    ("C-2", 1, "alliance-checkin", "client", {"total": 33.25, "goal": 8}, {}),
]


def test_the_table_built_by_columns_equals_the_one_pandas_builds_from_dicts():
    from alliance.web.clinic.tables import _session_table

    for rows in (ODD_ROWS, ODD_ROWS[:1], ODD_ROWS[4:5], []):
        found = _session_table(iter(rows))
        pd.testing.assert_frame_equal(found, _table_from_dicts(rows), check_exact=True)
    table = _session_table(iter(ODD_ROWS))
    assert table["session"].tolist() == [1, 2, 3, 4, 1]
    assert table.iloc[0][["alliance", "rupture_reported", "therapist_alliance"]].tolist() == [
        30.0,
        2.0,
        21.0,
    ]
    assert table["task"].isna().all()
