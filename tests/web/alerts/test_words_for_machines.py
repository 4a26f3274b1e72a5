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


def test_the_api_gives_each_alerts_figures_so_a_caller_can_word_it(every_kind, api, theo):
    listed = {item["kind"]: item for item in api(theo).get("/api/v1/alerts").json()["items"]}
    for kind, alert in every_kind.items():
        assert alert.figures, f"{kind} is raised with its figures"
        assert listed[kind]["figures"] == alert.figures
    one = every_kind["checkins-missed"]
    assert api(theo).get(f"/api/v1/alerts/{one.pk}").json()["figures"] == {"count": 2}


def test_an_alert_raised_before_figures_were_kept_gives_none(every_kind, api, theo):
    older = every_kind["rupture"]
    type(older).objects.filter(pk=older.pk).update(figures={})
    assert api(theo).get(f"/api/v1/alerts/{older.pk}").json()["figures"] == {}
