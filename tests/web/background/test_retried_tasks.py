"""A task that raises is tried again after a delay that doubles, through the real worker, and
after its last try the error is logged and kept with its result."""

import datetime as dt
import logging

import pytest
import time_machine
from django.utils import timezone

from alliance.web.clinic.background import retry_delay
from tests.web.worker_helpers import queued_tasks_by_status

from . import retried


@pytest.fixture(autouse=True)
def fresh_counts():
    retried.TRIES.clear()
    retried.FAIL_TIMES["left"] = 0


def _later(seconds: float):
    return time_machine.travel(timezone.now() + dt.timedelta(seconds=seconds), tick=False)


def test_the_delay_doubles_from_thirty_seconds():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]


def test_a_task_that_succeeds_runs_once_and_keeps_its_result(worker):
    result = retried.flaky.enqueue(21)
    worker()
    result.refresh()
    assert (result.status, result.return_value) == ("SUCCESSFUL", 42)
    assert retried.TRIES == [21]


def test_a_failed_try_is_retried_only_after_its_delay(worker):
    retried.FAIL_TIMES["left"] = 1
    retried.flaky.enqueue(5)
    worker()
    assert queued_tasks_by_status() == {"FAILED": 1, "READY": 1}
    with _later(29):
        worker()
    assert retried.TRIES == [5]
    with _later(31):
        worker()
    assert retried.TRIES == [5, 5]
    assert queued_tasks_by_status() == {"FAILED": 1, "SUCCESSFUL": 1}


def test_after_its_last_try_the_task_gives_up_and_says_so(worker, caplog):
    retried.FAIL_TIMES["left"] = 10
    retried.flaky.enqueue(1)
    with caplog.at_level(logging.WARNING, logger="alliance.web.clinic.background"):
        for seconds in (0, 31, 31 + 61, 31 + 61 + 121, 31 + 61 + 121 + 241):
            with _later(seconds):
                worker()
    assert retried.TRIES == [1, 1, 1]
    assert queued_tasks_by_status() == {"FAILED": 3}
    assert "task flaky gave up after 3 tries" in caplog.text
    assert "failed (try 1 of 3); next try in 0:00:30" in caplog.text


def test_with_the_immediate_backend_the_retries_run_at_once(db):
    retried.FAIL_TIMES["left"] = 2
    result = retried.flaky.enqueue(4)
    assert retried.TRIES == [4, 4, 4]
    assert result.status == "FAILED"  # the first try's own result; the third succeeded
