"""Tasks for the tests of background_task: defined at module level, as the tasks API needs."""

from __future__ import annotations

from alliance.web.clinic.background import background_task

TRIES: list[int] = []  # the argument of every try, in order
FAIL_TIMES = {"left": 0}


@background_task(attempts=3)
def flaky(value: int) -> int:
    """Fails as many times as FAIL_TIMES says, then doubles its argument."""
    TRIES.append(value)
    if FAIL_TIMES["left"] > 0:
        FAIL_TIMES["left"] -= 1
        raise RuntimeError("not yet")
    return value * 2
