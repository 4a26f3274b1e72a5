import pandas as pd

from alliance.analysis.ruptures import BaselineConfig, RuptureDetector, sessions_from_answers


def checkin(client, session, value, feel_off=0, respondent="client", instrument="alliance-checkin"):
    items = {str(n): value for n in range(1, 7)}
    items["8" if respondent == "client" else "7"] = feel_off
    return [
        {
            "client_id": client,
            "session": str(session),
            "instrument": instrument,
            "item": item,
            "value": str(v),
            "respondent": respondent,
        }
        for item, v in items.items()
    ]


def answers():
    rows = []
    for session, value in enumerate([8, 8, 8, 8, 4, 8], start=1):
        rows += checkin("c1", session, value, feel_off=2 if session == 5 else 0)
        rows += checkin("c1", session, 9, respondent="therapist", instrument="alliance-checkin-t")
    return pd.DataFrame(rows)


def test_answers_become_one_row_per_session_with_client_and_therapist_scores():
    table = sessions_from_answers(answers())
    assert list(table.columns) == [
        "client_id",
        "session",
        "alliance",
        "goal",
        "task",
        "bond",
        "therapist_alliance",
        "rupture_reported",
        "misclick",
    ]
    assert list(table.session) == [1, 2, 3, 4, 5, 6]
    assert table.alliance[4] == 4.0 and table.therapist_alliance[4] == 9.0
    assert list(table.rupture_reported) == [0, 0, 0, 0, 2, 0]


def test_the_detector_scores_item_level_answers_first():
    detector = RuptureDetector(baseline=BaselineConfig(between_sd=0.5)).fit(answers())
    assert list(detector.events_.onset_session) == [5]
    # the therapist kept rating 9 while the client fell to 4: the signs converge
    assert detector.events_.rule[0] == "client-reported+converging-signs"
