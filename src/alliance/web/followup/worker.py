"""One background thread per server process runs follow-ups once their answers are committed.

The thread gives way to requests: a follow-up starts when its process has served no request for
PAUSE seconds, or once it has waited MAX_WAIT seconds, so a burst of check-ins is answered first
and its analysis runs in the pause after it (pages that show alerts catch up before showing them).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import close_old_connections, connections

from .run import follow_up_client

PAUSE = 0.05
MAX_WAIT = 10.0
log = logging.getLogger(__name__)
_lock = threading.Lock()
_queued: set[int] = set()
_executor: ThreadPoolExecutor | None = None
_pid: int | None = None
_serving = 0
_last_served = 0.0


def request_started(**kwargs) -> None:
    global _serving
    with _lock:
        _serving += 1


def request_finished(**kwargs) -> None:
    global _serving, _last_served
    with _lock:
        _serving = max(0, _serving - 1)
        _last_served = time.monotonic()


def _executor_here() -> ThreadPoolExecutor:
    """This process's executor (a forked server worker starts its own)."""
    global _executor, _pid
    if _executor is None or _pid != os.getpid():
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="alliance-follow-up")
        _pid = os.getpid()
        _queued.clear()
    return _executor


def submit(client_id: int) -> Future | None:
    """Queue the client's follow-up; None when it is already queued and not started yet."""
    with _lock:
        if client_id in _queued:
            return None
        executor = _executor_here()
        _queued.add(client_id)
        return executor.submit(_run, client_id, time.monotonic())


def _wait_for_a_pause(queued_at: float) -> None:
    while time.monotonic() - queued_at < MAX_WAIT:
        with _lock:
            if _serving == 0 and time.monotonic() - _last_served >= PAUSE:
                return
        time.sleep(PAUSE / 2)


def _run(client_id: int, queued_at: float) -> None:
    _wait_for_a_pause(queued_at)
    with _lock:
        _queued.discard(client_id)  # answers arriving from now on need a run of their own
    close_old_connections()  # this thread keeps its own connection; honour CONN_MAX_AGE
    try:
        done = follow_up_client(client_id)
    except Exception:  # the worker must outlive any failure; the marker keeps the work
        log.exception("background follow-up of client %s failed", client_id)
        done = False
    if not done:
        connections.close_all()  # this thread's own connection, which may be the problem


def wait_until_idle(timeout: float = 30.0) -> None:
    """Return once everything queued before this call has run, and the thread has closed its
    database connection (for tests and shutdown)."""
    with _lock:
        executor = _executor_here()
    executor.submit(connections.close_all).result(timeout=timeout)
