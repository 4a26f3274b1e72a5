"""The rows-to-tables helpers behind the outcome features count sessions within an episode."""

import pandas as pd

from alliance.analysis.dropout import unrepaired_counts
from alliance.web.clinic.tables import (
    course_table,
    intake_and_latest,
    outcome_table,
    recovery_history,
)


def _rows():
    rows = [
        (7, 1, "phq-9", 1, 18),
        (7, 1, "phq-9", 2, 15),
        (7, 2, "phq-9", 5, 12),
        (7, 2, "phq-9", 6, 14),
        (7, 2, "alliance-checkin", 6, 8.5),
        (7, 2, "alliance-checkin", 5, 7.0),
        (9, 3, "phq-9", 2, None),
    ]
    return [
        dict(zip(["client_id", "episode", "instrument", "session", "total"], r, strict=True))
        for r in rows
    ]


def test_intake_and_latest_come_from_the_latest_episode():
    pairs = intake_and_latest(outcome_table(_rows()), "phq-9")
    assert pairs.loc[7].to_dict() == {"intake": 12.0, "latest": 14.0, "session": 6, "course": 2}
    assert 9 not in pairs.index  # a missing total is no score


def test_each_episode_is_its_own_course_for_the_model():
    history = recovery_history(outcome_table(_rows()), "phq-9")
    assert history.values.tolist() == [
        ["7/1", 1, 18.0],
        ["7/1", 2, 15.0],
        ["7/2", 1, 12.0],
        ["7/2", 2, 14.0],
    ]


def test_the_dropout_table_pairs_alliance_and_outcome_and_counts_unrepaired_ruptures():
    wide = course_table(
        outcome_table(_rows()), {"alliance-checkin": "alliance", "phq-9": "outcome"}
    )
    assert wide[["ident", "course", "alliance", "outcome"]].values.tolist() == [
        ["7/2", 1, 7.0, 12.0],
        ["7/2", 2, 8.5, 14.0],
    ]
    events = pd.DataFrame(
        {"client_id": [7, 7, 7], "onset_session": [3, 6, 9], "repaired": [False, False, None]}
    )
    counted = unrepaired_counts(wide, events, client="client_id", session="session")
    # the onset at 3 is no row of the table (episode 1 has no alliance) and still counts
    assert counted.tolist() == [1.0, 2.0]
    assert unrepaired_counts(
        wide, events.iloc[:0], client="client_id", session="session"
    ).tolist() == [0.0, 0.0]
