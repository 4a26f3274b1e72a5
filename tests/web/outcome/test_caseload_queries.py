"""The caseload's outcome columns are computed in bulk: a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.web.outcome_helpers import store_series


def _queries(page) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert page.get(reverse("caseload")).status_code == 200
    return len(queries)


@pytest.mark.parametrize("viewer", ["theo", "sam"])
def test_outcome_and_expected_recovery_keep_the_query_count_constant(
    request, login, theo, make_client, viewer
):
    page = login(request.getfixturevalue(viewer))
    for _ in range(3):
        store_series(make_client(theo, sessions=3), [20, 15, 8], anxiety=[12, 9, 5], follow_up=True)
    page.get(reverse("caseload"))  # the first view after a history change fits the model
    few = _queries(page)
    for _ in range(12):
        store_series(make_client(theo, sessions=3), [14, 16, 22], anxiety=[9, 9, 9], follow_up=True)
    page.get(reverse("caseload"))
    many = _queries(page)
    html = page.get(reverse("caseload")).content.decode()
    assert html.count("outcome-category") == 15 and html.count('class="track ') == 15
    assert many == few
