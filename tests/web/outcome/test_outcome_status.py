"""Change since intake on known series: the four categories, and recovery with PHQ-9 and GAD-7."""

import pytest
from django.urls import reverse

from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.tables import outcome_table
from alliance.web.outcome.status import outcome_statuses
from tests.web.outcome_helpers import phq, store_series


def _rows(*series):
    return [
        {"client_id": client, "episode": 1, "instrument": instrument, "session": n, "total": total}
        for client, instrument, totals in series
        for n, total in enumerate(totals, start=1)
    ]


@pytest.mark.parametrize(
    ("totals", "category"),
    [
        ([20, 15, 8], "recovered"),  # down 12, reliable, and below the cutoff of 10
        ([20, 16, 13], "improved"),  # down 7, reliable, still at or above 10
        ([14, 13, 12], "unchanged"),  # down 2, within measurement error
        ([8, 11, 15], "deteriorated"),  # up 7, reliable
        ([16, 10], "improved"),  # down exactly 6 counts (6 or more), still a case at 10
    ],
)
def test_each_category_from_a_known_phq9_series(totals, category):
    statuses = outcome_statuses(outcome_table(_rows(("a", "phq-9", totals))))
    assert statuses["a"].category == category
    assert statuses["a"].changes[0].intake == totals[0]


def test_recovery_needs_both_measures_below_their_cutoffs():
    table = outcome_table(
        _rows(
            ("both", "phq-9", [15, 5]),
            ("both", "gad-7", [12, 4]),
            ("anxious", "phq-9", [15, 8]),
            ("anxious", "gad-7", [10, 9]),
            ("never", "phq-9", [6, 5]),
            ("never", "gad-7", [5, 5]),
        )
    )
    statuses = outcome_statuses(table)
    assert statuses["both"].recovery == "reliable-recovery"
    assert statuses["anxious"].recovery == "not-recovered"  # GAD-7 9 is still a case (8 and up)
    assert statuses["never"].recovery == "not-a-case"


def test_a_single_score_has_no_status_yet():
    assert outcome_statuses(outcome_table(_rows(("a", "phq-9", [18])))) == {}


def test_the_client_page_and_the_caseload_show_the_category(login, theo, make_client):
    client = make_client(theo, code="C-BETTER", sessions=3)
    store_series(client, [20, 15, 8], anxiety=[12, 8, 4], follow_up=True)
    page = login(theo)
    html = page.get(reverse("client", args=[client.code])).content.decode()
    assert "20 at intake, 8 now" in html and "recovered: a reliable improvement" in html
    assert "reliable recovery: below both cutoffs now" in html
    caseload = page.get(reverse("caseload")).content.decode()
    assert 'class="outcome-category recovered">recovered<' in caseload
    assert "(reliable-recovery)" in caseload


def test_the_status_counts_from_the_current_episode(login, theo, make_client):
    client = make_client(theo, code="C-AGAIN", sessions=2)
    store_series(client, [20, 8])
    episode = client.episodes.create(started=client.sessions.last().date)
    for number, total in ((3, 9), (4, 17)):
        session = client.sessions.create(episode=episode, number=number, date=episode.started)
        store_answers(session, {"phq-9": phq(total)}, respondent="client")
    html = login(theo).get(reverse("client", args=[client.code])).content.decode()
    assert "9 at intake, 17 now" in html and "reliably worse" in html
