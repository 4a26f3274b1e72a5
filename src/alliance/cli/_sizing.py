"""How many gunicorn workers and threads `alliance serve` runs, from the cores it may use.

Rendering pages and PDFs is CPU work, which Python threads of one process cannot share (one
interpreter lock per process), so processes follow the cores: one per core and one more, to cover
the moments a worker waits on the database. Each worker runs a few threads (gunicorn's gthread
class), so a client waiting on a check-in is answered by a free thread while a report renders on
another; a process renders at most one report at a time (alliance.web.reports.slots), so the
other threads stay free for check-ins and pages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

THREADS_PER_WORKER = 4
MIN_WORKERS, MAX_WORKERS = 2, 12


@dataclass(frozen=True)
class ServerSize:
    workers: int
    threads: int


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), else the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def server_size(
    cores: int | None = None, *, workers: int | None = None, threads: int | None = None
) -> ServerSize:
    """Workers cores + 1 (2 to 12) and 4 threads each, unless given."""
    cores = cores or usable_cores()
    chosen = workers or min(max(cores + 1, MIN_WORKERS), MAX_WORKERS)
    return ServerSize(chosen, threads or THREADS_PER_WORKER)
