import pandas as pd

from alliance.analysis.ruptures import sessions_from_answers


def session_rows(session, items, feel_off=0):
    values = {str(n): v for n, v in enumerate(items, start=1)} | {"8": feel_off}
    return [
        {
            "client_id": "c1",
            "session": session,
            "instrument": "alliance-checkin",
            "item": item,
            "value": value,
            "respondent": "client",
        }
        for item, value in values.items()
    ]


def table(sessions):
    rows = [
        row for n, (items, off) in enumerate(sessions, 1) for row in session_rows(n, items, off)
    ]
    return sessions_from_answers(pd.DataFrame(rows)).set_index("session")


STEADY = ([8, 8, 8, 8, 8, 8], 0)
SLIP = ([8, 8, 0, 8, 8, 8], 0)


def test_a_lone_item_at_the_bottom_is_scored_without_it_when_nothing_confirms_it():
    found = table([STEADY] * 4 + [SLIP, STEADY])
    assert bool(found.loc[5, "misclick"]) is True
    assert found.loc[5, "alliance"] == 8.0 and found.loc[5, "task"] == 8.0


def test_a_report_the_same_session_confirms_the_low_item():
    found = table([STEADY] * 4 + [(SLIP[0], 1), STEADY])
    assert bool(found.loc[5, "misclick"]) is False
    assert found.loc[5, "task"] == 4.0


def test_the_same_item_low_again_next_session_confirms_it():
    found = table([STEADY] * 4 + [SLIP, ([8, 8, 2, 8, 8, 8], 0)])
    assert bool(found.loc[5, "misclick"]) is False
    assert round(found.loc[5, "alliance"], 3) == round(40 / 6, 3)


def test_both_items_of_a_dimension_falling_is_no_misclick():
    found = table([STEADY] * 4 + [([8, 8, 0, 1, 8, 8], 0), STEADY])
    assert bool(found.loc[5, "misclick"]) is False
    assert found.loc[5, "task"] == 0.5


def test_a_low_item_among_low_others_is_no_misclick():
    found = table([STEADY] * 4 + [([4, 4, 0, 4, 4, 4], 0), STEADY])
    assert bool(found.loc[5, "misclick"]) is False
