"""Within a follow-up's stage the steps share what they read of the clinic's history: its
version is asked once, however many steps (the summary, the expected course) need it, and
before the analysis's transaction when the steps' work was prepared."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from alliance.web.followup import run
from alliance.web.followup.context import analysis_memo, remembering
from alliance.web.followup.steps import steps
from alliance.web.outcome.cache import history_version
from tests.web.checkin_helpers import submit_checkin

from .conftest import strained_checkin


def _version_queries(queries) -> int:
    """The history version's query counts ended episodes and outcome scores per clinic."""
    return sum('AS "ended"' in q["sql"] and 'AS "scores"' in q["sql"] for q in queries)


def _counted(monkeypatch, name: str) -> list[int]:
    """Wrap run.NAME so each call records how many history-version queries it made."""
    found: list[int] = []
    real = getattr(run, name)

    def counted(*args):
        with CaptureQueriesContext(connection) as queries:
            result = real(*args)
        found.append(_version_queries(queries.captured_queries))
        return result

    monkeypatch.setattr(run, name, counted)
    return found


def test_a_follow_up_asks_the_clinics_history_version_once_before_its_analysis(
    monkeypatch, queued_tasks, steady_client
):
    assert strained_checkin(steady_client).status_code == 200
    prepared, analysed = (
        _counted(monkeypatch, "_prepared"),
        _counted(monkeypatch, "_analyse_locked"),
    )
    assert run.follow_up_client(steady_client.pk)
    assert prepared == [1]  # the expected course and the summary share it
    assert analysed == [0]  # everything that needs it was prepared


def test_an_analysis_without_what_was_prepared_asks_it_once(
    monkeypatch, queued_tasks, steady_client
):
    assert strained_checkin(steady_client).status_code == 200
    monkeypatch.setattr(run, "steps", lambda stage: [] if stage == "prepare" else steps(stage))
    analysed = _counted(monkeypatch, "_analyse_locked")
    assert run.follow_up_client(steady_client.pk)
    assert analysed == [1]


def test_outside_an_analysis_the_version_is_asked_afresh(theos_client):
    clinic = theos_client.clinic_id
    assert analysis_memo() is None
    before = history_version(clinic, "phq-9")
    assert submit_checkin(theos_client, 1, rating=8).status_code == 200
    assert history_version(clinic, "phq-9") == before  # one score more, under REFIT_EVERY
    with CaptureQueriesContext(connection) as queries:
        history_version(clinic, "phq-9")
        history_version(clinic, "phq-9")
    assert _version_queries(queries.captured_queries) == 2
    with remembering(), CaptureQueriesContext(connection) as queries:
        assert history_version(clinic, "phq-9") == history_version(clinic, "phq-9")
    assert _version_queries(queries.captured_queries) == 1
    assert analysis_memo() is None
