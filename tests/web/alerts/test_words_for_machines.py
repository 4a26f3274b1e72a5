"""The API keeps the stored English words of an alert whatever language the caller asks for:
programs read a text that does not change with the reader."""

from __future__ import annotations

from tests.web.alerts.words_before import BEFORE


def test_the_api_gives_the_stored_english_to_a_spanish_caller(languages, every_kind, api, theo):
    caller = api(theo)
    caller.headers["Accept-Language"] = "es"
    answer = caller.get("/api/v1/alerts")
    assert answer.status_code == 200
    listed = {item["kind"]: item for item in answer.json()["items"]}
    assert sorted(listed) == sorted(BEFORE)
    for kind, (message, explanation) in BEFORE.items():
        assert (listed[kind]["message"], listed[kind]["explanation"]) == (message, explanation)
