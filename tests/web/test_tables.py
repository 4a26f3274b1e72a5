import pandas as pd

from alliance.measures import score_answers
from alliance.web.clinic.answers import store_answers
from alliance.web.clinic.models import Response
from alliance.web.clinic.tables import answers_table, scores_table


def _stored(theos_client):
    session = theos_client.sessions.get()
    store_answers(
        session,
        {
            "alliance-checkin": {
                "1": 9,
                "2": 7,
                "3": 8,
                "4": 8,
                "5": 10,
                "6": 6,
                "7": "a comment",
                "8": 1,
            },
            "phq-9": {str(n): n % 4 for n in range(1, 10)},
        },
        respondent="client",
    )
    return Response.objects.select_related("session", "client__therapist")


def test_stored_answers_rescore_to_the_stored_scores(theos_client):
    responses = _stored(theos_client)
    rescored = score_answers(answers_table(responses)).set_index("instrument")
    for response in responses:
        for scale, value in response.scores.items():
            assert rescored.at[response.instrument, scale] == value


def test_the_answer_table_is_the_interchange_format_without_free_text(theos_client):
    table = answers_table(_stored(theos_client))
    assert list(table.columns[:5]) == ["client_id", "session", "instrument", "item", "value"]
    assert "a comment" not in set(table["value"])
    assert set(table["client_id"]) == {"C-THEO1"} and set(table["therapist_id"]) == {"theo"}


def test_the_score_table_has_one_row_per_administration(theos_client):
    table = scores_table(_stored(theos_client))
    assert len(table) == 2
    phq = table[table["instrument"] == "phq-9"].iloc[0]
    assert phq["total"] == sum(n % 4 for n in range(1, 10)) and phq["band"] == "moderate"
    assert pd.isna(phq["goal"])
